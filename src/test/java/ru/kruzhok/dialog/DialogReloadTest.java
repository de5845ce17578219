package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/**
 * Staff edit dialogs/ and reload without a restart: a good edit shows at once, a broken one is
 * refused with file and line while the old dialogs keep running. Works on a copy of dialogs/ so
 * the repository's files are never touched.
 */
class DialogReloadTest extends IntegrationTest {

    @Autowired
    DialogRegistry registry;
    @Autowired
    DialogProperties properties;

    @Test
    void anEditedTextShowsAfterReloadAndABrokenFileKeepsTheOldDialogs() throws Exception {
        Path texts = properties.dir().resolve("texts.yaml");
        String original = Files.readString(texts);
        try {
            Files.writeString(texts, original.replace("menu: \"Чем могу помочь? Выберите раздел 👇\"",
                    "menu: \"Что подсказать? Выберите раздел 👇\""));
            assertThat(registry.reload().ok()).isTrue();
            TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
            assertThat(parent.send("/menu").text()).contains("Что подсказать?");

            Path main = properties.dir().resolve("main.yaml");
            String mainOriginal = Files.readString(main);
            try {
                Files.writeString(main, mainOriginal.replace("flow: settings }", "flow: setings }"));
                DialogRegistry.ReloadResult broken = registry.reload();
                assertThat(broken.ok()).isFalse();
                assertThat(broken.problem()).startsWith("dialogs/main.yaml:10:").contains("unknown flow 'setings'");
                Call menu = parent.send("/menu");
                assertThat(menu.text()).contains("Что подсказать?");
                assertThat(parent.press("Настройки").text()).contains("Ваши настройки");
            } finally {
                Files.writeString(main, mainOriginal);
            }
        } finally {
            Files.writeString(texts, original);
            registry.reload();
        }
    }
}
