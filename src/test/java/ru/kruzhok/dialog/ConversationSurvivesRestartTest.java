package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.kruzhok.KruzhokApplication;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.UpdateDispatcher;

/**
 * A parent in the middle of onboarding, then the application stops and starts again over the
 * same data directory: the parent's next answer continues where they were. Starts its own
 * application twice (that is the point), so it does not use the shared test context.
 */
class ConversationSurvivesRestartTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments, because application.yml's ${DATA_DIR:./data} outranks default properties
        return new SpringApplicationBuilder(KruzhokApplication.class)
                .run("--kruzhok.database.data-dir=" + dataDir, "--server.port=0", "--kruzhok.telegram.token=",
                        "--kruzhok.broadcast.worker-enabled=false");
    }

    @Test
    void aParentContinuesOnboardingAfterARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
                "restart-");
        ChatAddress chat = new ChatAddress("web", "restart-parent-0000001");
        String municipalityToken;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            UpdateDispatcher dispatcher = first.getBean(UpdateDispatcher.class);
            dispatcher.dispatch(Incoming.text("r1", chat, "p", "/start")).get();
            dispatcher.dispatch(Incoming.button("r2", chat, "p", "w1.0")).get(); // «Согласен»
            ConversationState state = first.getBean(ConversationStore.class).load(chat).orElseThrow();
            assertThat(state.step()).isEqualTo("municipality");
            municipalityToken = "w" + state.window() + ".0";
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            UpdateDispatcher dispatcher = second.getBean(UpdateDispatcher.class);
            dispatcher.dispatch(Incoming.button("r3", chat, "p", municipalityToken)).get(); // the first municipality
            ConversationState state = second.getBean(ConversationStore.class).load(chat).orElseThrow();
            assertThat(state.flow()).isEqualTo("onboarding");
            assertThat(state.step()).isEqualTo("children");
            assertThat(state.vars()).containsEntry("municipality", "tsentr");
            List<String> history = state.history();
            assertThat(history).contains("onboarding.consent", "onboarding.municipality");
        }
    }
}
