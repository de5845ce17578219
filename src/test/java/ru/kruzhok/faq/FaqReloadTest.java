package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.kruzhok.dialog.DialogFileException;
import ru.kruzhok.dialog.ReloadableContent;

/** Reloading dialogs/faq without Spring: staged apart from what answers, and accepted paraphrases survive. */
class FaqReloadTest {

    private static final String ANSWER = "**Социальный сертификат** — это электронная запись о ребёнке в Навигаторе";
    private static final String ODD_QUESTION = "квазиуникальная формулировка про зелёных жирафов";

    @TempDir
    Path dir;

    private FaqMatcher matcherOnACopy() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("dialogs/faq"))) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return new FaqMatcher(FaqLoader.load(dir.toString()), TestMatchers::values,
                new FaqProperties(0.6, 0.35, dir.toString()));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void aStagedReloadAnswersOnlyOnceAppliedAndKeepsAcceptedParaphrases() throws IOException {
        FaqMatcher matcher = matcherOnACopy();
        matcher.useAcceptedParaphrases(Map.of("certificate.what", List.of(ODD_QUESTION)));
        assertThat(matcher.match(ODD_QUESTION, null).topic()).isEqualTo("certificate.what");

        edit("certificate.yaml", ANSWER, "**Социальный сертификат** — это новая запись");
        ReloadableContent.Staged staged = matcher.stage();
        assertThat(matcher.answer("certificate.what", null)).get().asString().contains("электронная запись");

        staged.apply();
        assertThat(staged.summary()).startsWith("вопросы и ответы: тем ");
        assertThat(matcher.answer("certificate.what", null)).get().asString().contains("новая запись");
        FaqMatcher.Match match = matcher.match(ODD_QUESTION, null);
        assertThat(match.topic()).isEqualTo("certificate.what");
        assertThat(match.answer()).contains("новая запись");
    }

    @Test
    void aBrokenFileCannotBeStagedAndTheOldKnowledgeBaseKeepsAnswering() throws IOException {
        FaqMatcher matcher = matcherOnACopy();
        edit("certificate.yaml", "  - id: certificate.who\n", "  - id: certificate.who\n    colour: red\n");

        assertThatThrownBy(matcher::stage).isInstanceOf(DialogFileException.class)
                .hasMessageContaining("certificate.yaml:").hasMessageContaining("colour");
        assertThat(matcher.answer("certificate.what", null)).get().asString().contains("электронная запись");
    }
}
