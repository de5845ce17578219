package ru.kruzhok.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Java names in dialogs/ is checked when the dialogs are loaded — the same load start-up and
 * /reload run: a step Java opens, a text Java reads and a placeholder, each broken by an edit, stop
 * the load with the file, the line and what to do, in Russian.
 */
class DialogContractTest {

    private static final DialogSteps NO_STEPS = new DialogSteps(List.of());

    private static final String MAIN = """
            flow: main
            start: menu
            steps:
              menu:
                text: menu
                buttons:
                  - [ { label: "Ответ", go: answer } ]
              answer:
                text: "Ответ для {municipality.name}"
            """;
    private static final String TEXTS = """
            menu: "Меню"
            gone: "Ответ устарел"
            handover: |
              Передать его специалисту {moc.name}?
              Специалисты работают: {moc.hours}.
            found: "Нашлось {count}"
            """;

    @TempDir
    Path dir;

    /** What a feature would declare: it opens main.answer, reads two texts and fills {count} in one. */
    private static final DialogUses USES = new DialogUses() {
        @Override
        public Set<String> steps() {
            return Set.of("main.answer");
        }

        @Override
        public Map<String, Set<String>> texts() {
            return Map.of("gone", Set.of(), "found", Set.of("count"));
        }
    };

    private static final PlaceholderSource MUNICIPAL = new PlaceholderSource() {
        @Override
        public Set<String> names() {
            return Set.of("moc.name", "moc.hours", "municipality.name", "certificate.ageFrom");
        }

        @Override
        public Optional<String> value(String name, DialogContext context) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> oldSpellings() {
            return Map.of("certificate.age-from", "certificate.ageFrom");
        }
    };

    private DialogRegistry start(String main, String texts) throws IOException {
        Files.writeString(dir.resolve("main.yaml"), main);
        Files.writeString(dir.resolve("texts.yaml"), texts);
        return new DialogRegistry(new DialogProperties(dir, 20), NO_STEPS, List.of(USES), List.of(MUNICIPAL));
    }

    @Test
    void dialogsThatKeepTheContractLoad() throws IOException {
        assertThat(start(MAIN, TEXTS).text("found")).isEqualTo("Нашлось {count}");
    }

    @Test
    void aRenamedStepTheBotOpensItselfStopsTheLoad() {
        String renamed = MAIN.replace("go: answer", "go: reply").replace("  answer:", "  reply:");
        assertThatThrownBy(() -> start(renamed, TEXTS))
                .isInstanceOf(DialogFileException.class)
                .hasMessageStartingWith("dialogs/main.yaml:1: ")
                .hasMessageContaining("в сценарии «main» нет шага «answer», а бот сам открывает его");
    }

    @Test
    void aMissingTextTheBotReadsStopsTheLoad() {
        assertThatThrownBy(() -> start(MAIN, TEXTS.replace("gone: \"Ответ устарел\"\n", "")))
                .isInstanceOf(DialogFileException.class)
                .hasMessageStartingWith("dialogs/texts.yaml:1: ")
                .hasMessageContaining("нет текста «gone», а бот показывает его родителям");
    }

    @Test
    void anUnknownPlaceholderStopsTheLoadWithTheTextsLine() {
        assertThatThrownBy(() -> start(MAIN, TEXTS.replace("{moc.hours}", "{moc.hour}")))
                .isInstanceOf(DialogFileException.class)
                .hasMessageStartingWith("dialogs/texts.yaml:3: ")
                .hasMessageContaining("неизвестная подстановка {moc.hour}");
    }

    @Test
    void aPlaceholderJavaDoesNotFillInThatTextIsUnknownThere() {
        assertThatThrownBy(() -> start(MAIN, TEXTS.replace("Ответ устарел", "Ответ устарел ({count})")))
                .hasMessageStartingWith("dialogs/texts.yaml:2: ")
                .hasMessageContaining("в тексте «gone» неизвестная подстановка {count}");
    }

    @Test
    void anUnknownPlaceholderInAStepIsReportedAtTheStep() {
        assertThatThrownBy(() -> start(MAIN.replace("{municipality.name}", "{municipality.title}"), TEXTS))
                .hasMessageStartingWith("dialogs/main.yaml:9: ")
                .hasMessageContaining("в шаге «main.answer» неизвестная подстановка {municipality.title}");
    }

    @Test
    void theOldSpellingOfAPlaceholderNamesTheOneToWrite() {
        assertThatThrownBy(() -> start(MAIN.replace("{municipality.name}", "{certificate.age-from}"), TEXTS))
                .hasMessageContaining("{certificate.age-from}").hasMessageContaining("Теперь она пишется {certificate.ageFrom}");
    }

    @Test
    void aStaffFlowJavaStartsMustExistAndStayForStaff() throws IOException {
        DialogUses command = new DialogUses() {
            @Override
            public Set<String> staffFlows() {
                return Set.of("desk");
            }
        };
        Files.writeString(dir.resolve("main.yaml"), MAIN);
        Files.writeString(dir.resolve("texts.yaml"), TEXTS);
        assertThatThrownBy(() -> new DialogRegistry(new DialogProperties(dir, 20), NO_STEPS,
                List.of(USES, command), List.of(MUNICIPAL)))
                .hasMessageStartingWith("dialogs/staff/desk.yaml:1: ")
                .hasMessageContaining("нет сценария «desk», а его открывает команда сотрудника");
        Files.createDirectories(dir.resolve("staff"));
        String desk = """
                flow: desk
                staff: true
                start: one
                steps:
                  one:
                    text: "Для сотрудников"
                """;
        Files.writeString(dir.resolve("staff").resolve("desk.yaml"), desk);
        assertThat(new DialogRegistry(new DialogProperties(dir, 20), NO_STEPS, List.of(USES, command),
                List.of(MUNICIPAL)).version()).hasSize(8);
        Files.writeString(dir.resolve("staff").resolve("desk.yaml"), desk.replace("staff: true\n", ""));
        assertThatThrownBy(() -> new DialogRegistry(new DialogProperties(dir, 20), NO_STEPS,
                List.of(USES, command), List.of(MUNICIPAL)))
                .hasMessageStartingWith("dialogs/staff/desk.yaml:1: ")
                .hasMessageContaining("верните строку «staff: true»");
    }

    @Test
    void everyProblemIsReportedAtOnceOneALine() {
        DialogFileException e = org.junit.jupiter.api.Assertions.assertThrows(DialogFileException.class,
                () -> start(MAIN.replace("{municipality.name}", "{x}"), TEXTS.replace("{moc.hours}", "{y}")));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage().split("\n")).hasSize(2);
    }
}
