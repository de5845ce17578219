package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DialogStepsTest {

    @Test
    void aNameBoundTwiceStopsStartUpNamingIt() {
        DialogBindings faq = new DialogBindings().action("faq.open", ctx -> null);
        DialogBindings catalog = new DialogBindings().action("faq.open", ctx -> "search");

        assertThatThrownBy(() -> new DialogSteps(List.of(faq, catalog)))
                .hasMessageContaining("faq.open");
    }

    @Test
    void bindingsOfEveryFeatureAreFoundByNameWithTheirArgument() {
        DialogBindings feedback = new DialogBindings()
                .action("faq.feedback", (ctx, arg) -> "up".equals(arg) ? "thanks" : "sorry")
                .provider("faq.topics", ctx -> DialogProvider.Content.of(java.util.Map.of("n", "3")));
        DialogSteps steps = new DialogSteps(List.of(feedback));

        assertThat(steps.action("faq.feedback").orElseThrow().run(null, "up")).isEqualTo("thanks");
        assertThat(steps.action("faq.feedback").orElseThrow().run(null, "down")).isEqualTo("sorry");
        assertThat(steps.provider("faq.topics").orElseThrow().provide(null).vars()).containsEntry("n", "3");
        assertThat(steps.actionNames()).containsExactly("faq.feedback");
        assertThat(steps.action("faq.nothing")).isEmpty();
    }
}
