package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.kruzhok.dialog.DialogFileException;
import ru.kruzhok.dialog.DialogProperties;

/** A methodist's mistakes in dialogs/search/vocabulary.yaml are all named at once, with file and line. */
class SearchVocabularyLoaderTest {

    private static DialogFileException refused(String yaml) {
        try {
            SearchVocabularyLoader.parse("dialogs/search/vocabulary.yaml", yaml);
        } catch (DialogFileException e) {
            return e;
        }
        throw new AssertionError("expected the vocabulary to be refused");
    }

    @Test
    void theRepositoryVocabularyLoads() {
        SearchVocabulary vocabulary = SearchVocabularyLoader.load(Path.of("dialogs"));
        assertThat(vocabulary.activities()).isNotEmpty();
    }

    @Test
    void everyProblemIsNamedWithItsLine() {
        DialogFileException e = refused("""
                directions:
                  sport: [спорт]
                  arts: [творчество]
                activities:
                  - direction: arts
                    words: [творчество, лепка]
                    colour: red
                nearby: [рядом]
                nearby: [поблизости]
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "dialogs/search/vocabulary.yaml:2: unknown direction 'sport', expected one of "
                        + "[technical, science, arts, sports, tourism, social]",
                "dialogs/search/vocabulary.yaml:6: the word 'творчество' is already listed at "
                        + "dialogs/search/vocabulary.yaml:3; one word, one meaning",
                "dialogs/search/vocabulary.yaml:7: unknown key 'colour' in a search activity; allowed: direction, titles, words",
                "dialogs/search/vocabulary.yaml:9: 'nearby' is given twice");
    }

    @Test
    void brokenYamlIsRefusedWithItsLine() {
        assertThat(refused("directions:\n  arts: [творчество\n").getMessage())
                .startsWith("dialogs/search/vocabulary.yaml:").contains("not valid YAML");
    }

    @Test
    void aBrokenVocabularyIsNotReloadedAndTheOldOneKeepsSearching(@TempDir Path dialogs) throws Exception {
        Files.createDirectories(dialogs.resolve("search"));
        Files.copy(Path.of("dialogs/search/vocabulary.yaml"), dialogs.resolve("search/vocabulary.yaml"));
        SearchTextParser parser = new SearchTextParser(new DialogProperties(dialogs, 20));
        Files.writeString(dialogs.resolve("search/vocabulary.yaml"), "directions:\n  sport: [спорт]\n");

        assertThatThrownBy(parser::stage).isInstanceOf(DialogFileException.class)
                .hasMessage("dialogs/search/vocabulary.yaml:2: unknown direction 'sport', expected one of "
                        + "[technical, science, arts, sports, tourism, social]");
    }
}
