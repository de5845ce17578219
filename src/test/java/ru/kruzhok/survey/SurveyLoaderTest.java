package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.kruzhok.survey.Survey.Kind;
import ru.kruzhok.survey.Survey.Question;

/** Survey files are checked at start with the file and line of each problem a methodist can make. */
class SurveyLoaderTest {

    private static final String HEAD = """
            title: "Тест"
            questions:
            """;

    private static Survey load(String yaml) {
        return new SurveyLoader().load("dialogs/surveys/test.yaml", yaml);
    }

    private static void refused(String questions, String line, String problem) {
        assertThatThrownBy(() -> load(HEAD + questions))
                .isInstanceOf(ru.kruzhok.dialog.DialogFileException.class)
                .hasMessageStartingWith("dialogs/surveys/test.yaml:" + line + ":")
                .hasMessageContaining(problem);
    }

    @Test
    void theShippedSurveyLoadsWithTwelveQuestionsOfEveryKind() throws Exception {
        Survey s = new SurveyLoader().load("dialogs/surveys/satisfaction.yaml",
                Files.readString(Path.of("dialogs/surveys/satisfaction.yaml")));
        assertThat(s.questions()).hasSizeBetween(10, 15);
        assertThat(s.questions()).extracting(Question::kind).contains(Kind.values());
        assertThat(s.anonymous()).isTrue();
    }

    @Test
    void unknownKindIsRefused() {
        refused("  - { id: q1, kind: rating, text: \"Как?\" }\n", "3", "unknown kind 'rating'");
    }

    @Test
    void skipToAnUnknownQuestionIsRefused() {
        refused("""
                  - id: q1
                    kind: single
                    text: "Да?"
                    options: ["да", "нет"]
                    skip: { if: "нет", to: q9 }
                """, "7", "skip to unknown question 'q9'");
    }

    @Test
    void skipBackwardsIsRefused() {
        refused("""
                  - { id: q1, kind: scale, text: "Оценка" }
                  - { id: q2, kind: single, text: "Да?", options: ["да", "нет"], skip: { if: "нет", to: q1 } }
                """, "4", "forward only");
    }

    @Test
    void skipOnAnAnswerTheQuestionDoesNotHaveIsRefused() {
        refused("  - { id: q1, kind: single, text: \"Да?\", options: [\"да\", \"нет\"], skip: { if: \"может\", to: end } }\n",
                "3", "'может' is not an answer");
    }

    @Test
    void duplicateQuestionIdsAreRefused() {
        refused("""
                  - { id: q1, kind: scale, text: "Один" }
                  - { id: q1, kind: scale, text: "Два" }
                """, "4", "used twice");
    }

    @Test
    void optionsOnAScaleAreRefused() {
        refused("  - { id: q1, kind: scale, text: \"Оценка\", options: [\"1\", \"2\"] }\n", "3", "has no 'options:'");
    }

    @Test
    void singleChoiceWithOneOptionIsRefused() {
        refused("  - { id: q1, kind: single, text: \"Да?\", options: [\"да\"] }\n", "3", "at least two answers");
    }

    @Test
    void duplicateOptionIsRefused() {
        refused("  - { id: q1, kind: single, text: \"Да?\", options: [\"да\", \"да\"] }\n", "3", "given twice");
    }

    @Test
    void multiMaxOverTheNumberOfOptionsIsRefused() {
        refused("  - { id: q1, kind: multi, max: 5, text: \"Что?\", options: [\"а\", \"б\"] }\n", "3", "between 1 and 2");
    }

    @Test
    void optionTooLongForAButtonIsRefused() {
        refused("""
                  - id: q1
                    kind: single
                    text: "Да?"
                    options:
                      - "да"
                      - "Очень длинный вариант ответа, который не поместится на кнопке"
                """, "8", "at most 40");
    }

    @Test
    void aTypoInAKeyIsRefused() {
        refused("  - { id: q1, kind: scale, txet: \"Оценка\" }\n", "3", "unknown key 'txet'");
    }

    @Test
    void badDatesAndAudienceAreRefused() {
        assertThatThrownBy(() -> load("title: T\nopens: 2026-05-01\ncloses: 2026-04-01\nquestions:\n  - { id: q, kind: nps, text: x }\n"))
                .hasMessageStartingWith("dialogs/surveys/test.yaml:3:").hasMessageContaining("closes");
        assertThatThrownBy(() -> load("title: T\naudience: { ages: [18, 5] }\nquestions:\n  - { id: q, kind: nps, text: x }\n"))
                .hasMessageStartingWith("dialogs/surveys/test.yaml:2:").hasMessageContaining("from ≤ to");
    }

    @Test
    void aGoodFileGivesAudienceSkipsAndLimits() {
        Survey s = load("""
                title: "Опрос"
                anonymous: false
                per: child
                audience: { municipalities: [tsentr], ages: [5, 18] }
                questions:
                  - { id: q1, kind: single, text: "Да?", options: ["да", "нет"], skip: [ { if: "нет", to: q3 } ] }
                  - { id: q2, kind: multi, max: 2, text: "Что?", options: ["а", "б", "в"] }
                  - { id: q3, kind: text, max-length: 300, required: false, text: "Ещё?" }
                """);
        assertThat(s.perChild()).isTrue();
        assertThat(s.audience().municipalities()).containsExactly("tsentr");
        assertThat(s.audience().ageFrom()).isEqualTo(5);
        assertThat(SurveyResponses.nextQuestion(s, s.questions().get(0), List.of("нет"))).isEqualTo("q3");
        assertThat(SurveyResponses.nextQuestion(s, s.questions().get(0), List.of("да"))).isEqualTo("q2");
        assertThat(SurveyResponses.nextQuestion(s, s.questions().get(2), List.of("x"))).isNull();
        assertThat(s.questions().get(2).max()).isEqualTo(300);
        assertThat(s.questions().get(2).required()).isFalse();
    }

    @Test
    void everyBrokenQuestionIsNamedAtOnce() {
        assertThatThrownBy(() -> load(HEAD + """
                  - { id: q1, kind: scale, txet: "Оценка" }
                  - { id: q2, kind: nps, text: "Порекомендуете?" }
                  - { id: q3, kind: often, text: "Как часто?" }
                  - { id: q2, kind: text, text: "Ещё?" }
                """))
                .isInstanceOf(ru.kruzhok.dialog.DialogFileException.class)
                .hasMessage(String.join("\n",
                        "dialogs/surveys/test.yaml:3: unknown key 'txet' in a question; allowed: id, kind, max, max-length, "
                                + "options, required, skip, text",
                        "dialogs/surveys/test.yaml:5: unknown kind 'often'; known: single, multi, scale, nps, text",
                        "dialogs/surveys/test.yaml:6: the question id 'q2' is used twice"));
    }
}
