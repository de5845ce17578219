package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ru.kruzhok.dialog.DialogFileException;

class FaqLoaderTest {

    private static final String TOPIC_A = """
            topics:
              - id: certificate.what
                title: Что такое сертификат
                category: Сертификат
                paraphrases:
                  - что такое сертификат
                answer: Это электронная запись.
                related: [certificate.who]
              - id: certificate.who
                title: Кому положен
                category: Сертификат
                paraphrases: [кому положен сертификат]
                answer: Детям от {certificate.ageFrom} лет.
            """;

    /** Each problem as the staff member reads it: {@code file:line: what is wrong}. */
    private static List<String> lines(DialogFileException e) {
        return e.problems().stream().map(Object::toString).toList();
    }

    private static DialogFileException failure(String yaml) {
        try {
            FaqLoader.parse(List.of(new FaqLoader.Source("broken.yaml", yaml)));
        } catch (DialogFileException e) {
            return e;
        }
        throw new AssertionError("expected the knowledge base to be rejected");
    }

    @Test
    void repositoryKnowledgeBaseHasEveryTopicTheIssueNames() {
        FaqKnowledgeBase kb = FaqLoader.load("dialogs/faq");
        Set<String> ids = kb.byId().keySet();
        assertThat(ids).contains("certificate.what", "certificate.who", "certificate.how-to-get",
                "certificate.documents", "certificate.nominal", "certificate.balance", "certificate.enroll",
                "certificate.programs-count", "certificate.extra-payment", "certificate.validity", "certificate.cash",
                "certificate.moving", "certificate.kinds", "certificate.rejected", "navigator.what",
                "navigator.register", "navigator.add-child", "navigator.password", "navigator.application-status",
                "contract.sign", "contract.leave", "program.free", "program.disability", "program.search",
                "moc.contacts", "moc.what");
        assertThat(kb.topics()).allSatisfy(t -> assertThat(t.paraphrases()).hasSizeBetween(8, 40));
        assertThat(kb.byId().get("program.search").action()).isEqualTo("catalog.search");
        assertThat(kb.byId().get("moc.contacts").answer()).contains("{moc.phones}", "{moc.address}", "{moc.hours}");
    }

    @Test
    void fallsBackToTheCopyPackagedInTheJarWhenTheDirectoryIsMissing() {
        FaqKnowledgeBase kb = FaqLoader.load("target/no-such-dialogs/faq");
        assertThat(kb.byId()).containsKey("certificate.how-to-get");
        assertThat(kb.synonyms()).isNotEmpty();
    }

    @Test
    void validFileLoads() {
        FaqKnowledgeBase kb = FaqLoader.parse(List.of(new FaqLoader.Source("ok.yaml", TOPIC_A)));
        assertThat(kb.topics()).extracting(FaqTopic::id).containsExactly("certificate.what", "certificate.who");
        assertThat(kb.byId().get("certificate.what").related()).containsExactly("certificate.who");
    }

    @Test
    void anEmptyFileIsAllowed() {
        FaqKnowledgeBase kb = FaqLoader.parse(List.of(new FaqLoader.Source("ok.yaml", TOPIC_A),
                new FaqLoader.Source("new.yaml", "# a topic file being written\n")));
        assertThat(kb.topics()).hasSize(2);
    }

    @Test
    void everyProblemOfEveryFileIsNamedAtOnce() {
        DialogFileException e = assertThrowsOn(List.of(
                new FaqLoader.Source("a.yaml", TOPIC_A.replace("title: Кому положен", "title: \"\"")),
                new FaqLoader.Source("b.yaml", "topics:\n  - id: b.one\n    colour: red\n"),
                new FaqLoader.Source("c.yaml", "filler: [ну]\nfiller: [вот]\n")));
        assertThat(lines(e)).contains("a.yaml:10: 'title' is empty", "c.yaml:2: 'filler' is given twice")
                .anyMatch(line -> line.startsWith("b.yaml:3: unknown key 'colour'"));
    }

    @Test
    void subjectAndDomainWordsLoad() {
        FaqKnowledgeBase kb = FaqLoader.parse(List.of(new FaqLoader.Source("ok.yaml", TOPIC_A),
                new FaqLoader.Source("synonyms.yaml", """
                        subject:
                          certificate.who: [кому, возраст]
                        domain: [сертификат]
                        """)));
        assertThat(kb.subject()).containsEntry("certificate.who", List.of("кому", "возраст"));
        assertThat(kb.domain()).containsExactly("сертификат");
    }

    @Test
    void subjectWordsOfAnUnknownTopicAreRejected() {
        DialogFileException e = assertThrowsOn(List.of(new FaqLoader.Source("a.yaml", TOPIC_A),
                new FaqLoader.Source("synonyms.yaml", """
                        subject:
                          certificate.whom: [кому]
                        """)));
        assertThat(lines(e)).containsExactly("synonyms.yaml:2: subject words for unknown topic 'certificate.whom'");
    }

    @Test
    void duplicateIdIsRejectedWithBothPlaces() {
        DialogFileException e = assertThrowsOn(List.of(new FaqLoader.Source("a.yaml", TOPIC_A),
                new FaqLoader.Source("b.yaml", """
                        topics:
                          - id: certificate.who
                            title: Ещё раз
                            category: Сертификат
                            paraphrases: [кому]
                            answer: Всем.
                        """)));
        assertThat(lines(e)).containsExactly("b.yaml:2: topic id 'certificate.who' is already used at a.yaml:9");
    }

    @Test
    void unknownRelatedTopicIsRejected() {
        DialogFileException e = failure(TOPIC_A.replace("related: [certificate.who]", "related: [certificate.whom]"));
        assertThat(lines(e)).containsExactly(
                "broken.yaml:2: topic 'certificate.what' names unknown related topic 'certificate.whom'");
    }

    @Test
    void emptyParaphrasesAreRejected() {
        DialogFileException e = failure(TOPIC_A.replace("paraphrases: [кому положен сертификат]", "paraphrases: []"));
        assertThat(lines(e)).containsExactly("broken.yaml:12: topic 'certificate.who' has no paraphrases");
    }

    @Test
    void emptyAnswerIsRejected() {
        DialogFileException e = failure(TOPIC_A.replace("answer: Это электронная запись.", "answer: \"\""));
        assertThat(lines(e)).containsExactly("broken.yaml:7: 'answer' is empty");
    }

    @Test
    void unknownPlaceholderIsRejected() {
        DialogFileException e = failure(TOPIC_A.replace("{certificate.ageFrom}", "{certificate.age}"));
        assertThat(e.getMessage()).contains("broken.yaml:13: unknown placeholder {certificate.age} in the answer of 'certificate.who'");
    }

    @Test
    void titleTooLongForAButtonIsRejected() {
        DialogFileException e = failure(TOPIC_A.replace("title: Кому положен", "title: Кому положен социальный сертификат на кружки"));
        assertThat(lines(e)).singleElement().asString()
                .startsWith("broken.yaml:10: title 'Кому положен социальный сертификат на кружки' is 44 characters");
    }

    @Test
    void brokenYamlIsRejectedWithItsLine() {
        DialogFileException e = failure("topics:\n  - id: a.b\n    title: [unclosed\n");
        assertThat(lines(e)).singleElement().asString().startsWith("broken.yaml:4: not valid YAML");
    }

    @Test
    void unknownKeyIsRejected() {
        DialogFileException e = failure(TOPIC_A.replace("    category: Сертификат\n    paraphrases:\n", "    categry: Сертификат\n    paraphrases:\n"));
        assertThat(e.getMessage()).contains("broken.yaml:4: unknown key 'categry'");
    }

    private static DialogFileException assertThrowsOn(List<FaqLoader.Source> sources) {
        return (DialogFileException) org.junit.jupiter.api.Assertions.assertThrows(DialogFileException.class,
                () -> FaqLoader.parse(sources));
    }

    @Test
    void startupMessageNamesFileAndLine() {
        assertThatThrownBy(() -> FaqLoader.parse(List.of(new FaqLoader.Source("dialogs/faq/x.yaml",
                TOPIC_A.replace("answer: Это электронная запись.", "answer: \" \"")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dialogs/faq/x.yaml:7:");
    }
}
