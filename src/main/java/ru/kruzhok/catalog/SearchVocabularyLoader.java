package ru.kruzhok.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import ru.kruzhok.dialog.DialogFileException;
import ru.kruzhok.dialog.DialogFileException.Problem;
import ru.kruzhok.dialog.YamlReader;
import ru.kruzhok.dialog.YamlReader.Item;
import ru.kruzhok.direction.Direction;

/**
 * Reads and checks {@code dialogs/search/vocabulary.yaml}. A methodist edits it by hand, so every
 * mistake is reported with the file and line, all at once, and the file is refused whole: a
 * half-read vocabulary would silently stop understanding some searches. Reads through the dialogs'
 * collecting {@link YamlReader}, so problems come as the other dialog files' do ({@link DialogFileException}).
 */
final class SearchVocabularyLoader {

    static final String FILE = "search/vocabulary.yaml";
    private static final Set<String> KEYS = Set.of("directions", "activities", "nearby", "filler", "question-words");
    private static final Set<String> ACTIVITY_KEYS = Set.of("words", "direction", "titles");
    private static final String EXPECTED_LIST = "expected a list: [слово, слово] or lines starting with '- '";

    private final List<Problem> problems = new ArrayList<>();
    private final YamlReader y;
    /** stem → where it was first declared, so one word never means two things. */
    private final Map<String, Declared> declared = new HashMap<>();

    private SearchVocabularyLoader(String name) {
        this.y = YamlReader.collecting(name, problems);
    }

    /** {@code dialogsDir/search/vocabulary.yaml} when it exists, otherwise the copy packaged in the jar. */
    static SearchVocabulary load(Path dialogsDir) {
        Path file = dialogsDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return parse("dialogs/" + FILE, Files.readString(file, StandardCharsets.UTF_8));
            }
            ClassPathResource packaged = new ClassPathResource("dialogs/" + FILE);
            return parse("classpath:dialogs/" + FILE, packaged.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dialogs/" + FILE, e);
        }
    }

    /** @throws DialogFileException with every problem of the file */
    static SearchVocabulary parse(String name, String text) {
        return new SearchVocabularyLoader(name).read(text);
    }

    private SearchVocabulary read(String text) {
        Map<SearchVocabulary.Term, Direction> directions = new LinkedHashMap<>();
        List<SearchVocabulary.Activity> activities = new ArrayList<>();
        List<List<SearchVocabulary.Term>> nearby = new ArrayList<>();
        List<String> filler = new ArrayList<>();
        List<List<SearchVocabulary.Term>> questionWords = new ArrayList<>();
        Node root = y.compose(text);
        Map<String, Node> sections = root == null ? Map.of() : y.fields(root, KEYS, "vocabulary file", "expected the sections " + KEYS);
        for (Map.Entry<String, Node> section : sections.entrySet()) {
            Node value = section.getValue();
            switch (section.getKey()) {
                case "directions" -> directions(value, directions);
                case "activities" -> {
                    for (Node a : y.sequence(value, EXPECTED_LIST)) {
                        activities.add(activity(a));
                    }
                }
                case "nearby" -> words(value).forEach(w -> phrase(w, "nearby", nearby));
                case "filler" -> words(value).forEach(w -> filler.add(normal(w.text())));
                default -> words(value).forEach(w -> phrase(w, "question-words", questionWords));
            }
        }
        DialogFileException.throwIfAny(problems);
        return new SearchVocabulary(directions, activities, nearby, filler, questionWords);
    }

    private void directions(Node value, Map<SearchVocabulary.Term, Direction> into) {
        MappingNode map = y.mapping(value, "'directions' lists words under each direction: technical: [техника, …]");
        for (NodeTuple t : map == null ? List.<NodeTuple>of() : map.getValue()) {
            Direction direction = direction(t.getKeyNode());
            if (direction == null) {
                continue;
            }
            for (Item w : words(t.getValueNode())) {
                SearchVocabulary.Term term = SearchVocabulary.Term.of(w.text());
                if (declare(term.stem(), w, t.getValueNode())) {
                    into.put(term, direction);
                }
            }
        }
    }

    private SearchVocabulary.Activity activity(Node node) {
        Map<String, Node> f = y.fields(node, ACTIVITY_KEYS, "search activity",
                "an activity is '- words: [...]' with optional 'direction:' and 'titles:'");
        Direction direction = f.containsKey("direction") ? direction(f.get("direction")) : null;
        List<SearchVocabulary.Term> terms = new ArrayList<>();
        if (f.containsKey("words")) {
            for (Item w : words(f.get("words"))) {
                SearchVocabulary.Term term = SearchVocabulary.Term.of(w.text());
                if (declare(term.stem(), w, f.get("words"))) {
                    terms.add(term);
                }
            }
        }
        List<String> titles = f.containsKey("titles")
                ? words(f.get("titles")).stream().map(w -> normal(w.text())).toList() : List.of();
        if (terms.isEmpty() && problems.isEmpty()) {
            y.problem(node, "an activity needs at least one word in 'words'");
        }
        return new SearchVocabulary.Activity(terms, direction, titles);
    }

    /** A direction by its API name (technical, arts…), or null after a problem. */
    private Direction direction(Node node) {
        String code = y.scalar(node, "a direction is one of " + directionNames());
        Direction direction = Direction.fromApiName(code).orElse(null);
        if (direction == null && code != null) {
            y.problem(node, "unknown direction '" + code + "', expected one of " + directionNames());
        }
        return direction;
    }

    private void phrase(Item w, String section, List<List<SearchVocabulary.Term>> into) {
        List<SearchVocabulary.Term> terms = SearchVocabulary.terms(w.text());
        if (terms.isEmpty()) {
            y.problem(w.node(), "an empty phrase in '" + section + "'");
        } else {
            into.add(terms);
        }
    }

    /**
     * False when the stem is already known: silently for another form of a word of the same list
     * («техническая», «технический»), with a problem when it already means something else.
     */
    private boolean declare(String stem, Item w, Node list) {
        Declared earlier = declared.putIfAbsent(stem, new Declared(list, y.where(w.node())));
        if (earlier == null) {
            return true;
        }
        if (earlier.list() != list) {
            y.problem(w.node(), "the word '" + w.text() + "' is already listed at " + earlier.where() + "; one word, one meaning");
        }
        return false;
    }

    private record Declared(Node list, String where) {
    }

    private List<Item> words(Node value) {
        return y.items(value, EXPECTED_LIST, "expected a word");
    }

    private static String normal(String word) {
        return word.toLowerCase().replace('ё', 'е');
    }

    private static String directionNames() {
        return java.util.Arrays.stream(Direction.values()).map(Direction::apiName).toList().toString();
    }
}
