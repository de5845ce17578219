package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.FlowLoader.DialogFile;

/** Every kind of broken dialog file is refused with the file, the line and the problem. */
class FlowValidationTest {

    private static final String TEXTS = "hello: \"Привет\"\n";

    private static Dialogs load(String flow) {
        Dialogs d = new FlowLoader().load(List.of(new DialogFile("dialogs/main.yaml", flow)),
                List.of(new DialogFile("dialogs/texts.yaml", TEXTS)));
        new FlowValidator(Set.of("parent.consent"), Set.of("municipality.choices")).validate(d);
        return d;
    }

    private static void refused(String flow, int line, String problem) {
        assertThatThrownBy(() -> load(flow))
                .isInstanceOf(DialogFileException.class)
                .hasMessageStartingWith("dialogs/main.yaml:" + line + ":")
                .hasMessageContaining(problem);
    }

    @Test
    void aValidFlowLoads() {
        Dialogs d = load("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                    buttons:
                      - [ { label: "Дальше", go: next }, { label: "Сайт", url: "https://example.ru" } ]
                  next:
                    text: "Инлайн-текст с {moc.name}"
                    back: true
                """);
        assertThat(d.flow("main").steps()).containsKeys("menu", "next");
        assertThat(d.version()).hasSize(8);
    }

    @Test
    void unknownStepIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                    buttons:
                      - { label: "Дальше", go: nowhere }
                """, 7, "unknown step 'nowhere'");
    }

    @Test
    void unknownFlowIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                    buttons:
                      - { label: "Дальше", flow: settings }
                """, 7, "unknown flow 'settings'");
    }

    @Test
    void unknownTextKeyIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: greeting_typo
                """, 5, "unknown text 'greeting_typo'");
    }

    @Test
    void unknownActionIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                    buttons:
                      - { label: "Да", action: parent.consnet }
                """, 7, "unknown action 'parent.consnet'");
    }

    @Test
    void unknownProviderIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                    provider: catalog.nothing
                """, 5, "unknown provider 'catalog.nothing'");
    }

    @Test
    void duplicateStepIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                  menu:
                    text: hello
                """, 6, "defined twice");
    }

    @Test
    void duplicateFlowAcrossFilesIsRefused() {
        String flow = "flow: main\nstart: menu\nsteps:\n  menu:\n    text: hello\n";
        assertThatThrownBy(() -> new FlowLoader().load(
                List.of(new DialogFile("dialogs/a.yaml", flow), new DialogFile("dialogs/b.yaml", flow)), List.of()))
                .hasMessageStartingWith("dialogs/b.yaml:1:")
                .hasMessageContaining("already defined in dialogs/a.yaml");
    }

    @Test
    void unreachableStepIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                  lost:
                    text: hello
                """, 7, "the step 'lost' cannot be reached");
    }

    @Test
    void tooLongButtonLabelIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                    buttons:
                      - { label: "Очень длинная надпись на кнопке, которая не влезет в экран телефона", go: menu }
                """, 7, "longer than 40 characters");
    }

    @Test
    void payloadOver64BytesIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: hello
                    buttons:
                      - { label: "Да", action: parent.consent, arg: "очень-очень-очень-длинное-значение-аргумента", next: menu }
                """, 7, "over 64 bytes");
    }

    @Test
    void typoInAKeyIsRefused() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    txet: hello
                """, 5, "unknown key 'txet'");
    }

    @Test
    void everyBrokenStepAndTextIsNamedAtOnce() {
        assertThatThrownBy(() -> new FlowLoader().load(List.of(new DialogFile("dialogs/main.yaml", """
                flow: main
                start: menu
                steps:
                  menu:
                    txet: hello
                  next:
                    text: hello
                  Other:
                    text: hello
                """)), List.of(new DialogFile("dialogs/texts.yaml", TEXTS + "hello: \"Ещё раз\"\n"))))
                .isInstanceOf(DialogFileException.class)
                .hasMessage(String.join("\n",
                        "dialogs/texts.yaml:2: the text 'hello' is defined twice",
                        "dialogs/main.yaml:5: unknown key 'txet' in a step; allowed: back, buttons, choice, entry, input, "
                                + "provider, text",
                        "dialogs/main.yaml:8: a step name uses lower-case latin letters, digits, '-' and '_': 'Other'"));
    }

    @Test
    void brokenYamlIsRefusedWithItsLine() {
        refused("""
                flow: main
                start: menu
                steps:
                  menu:
                    text: "unclosed
                    buttons: []
                """, 7, "not valid YAML");
    }

    @Test
    void startStepMustExist() {
        refused("""
                flow: main
                start: begin
                steps:
                  menu:
                    text: hello
                """, 1, "starts at 'begin'");
    }
}
