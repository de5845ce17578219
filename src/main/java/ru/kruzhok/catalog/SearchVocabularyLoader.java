package ru.kruzhok.catalog;

import java.io.IOException;
import java.io.StringReader;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import ru.kruzhok.direction.Direction;

/**
 * Reads and checks {@code dialogs/search/vocabulary.yaml}. A methodist edits it by hand, so every
 * mistake is reported with the file and line, all at once, and the file is refused whole: a
 * half-read vocabulary would silently stop understanding some searches.
 */
final class SearchVocabularyLoader {

    static final String FILE = "search/vocabulary.yaml";
    private static final Set<String> KEYS = Set.of("directions", "activities", "nearby", "filler", "question-words");

    private final String name;
    private final List<String> problems = new ArrayList<>();
    /** stem → where it was first declared, so one word never means two things. */
    private final Map<String, Declared> declared = new HashMap<>();

    private SearchVocabularyLoader(String name) {
        this.name = name;
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

    static SearchVocabulary parse(String name, String text) {
        return new SearchVocabularyLoader(name).read(text);
    }

    private SearchVocabulary read(String text) {
        Map<SearchVocabulary.Term, Direction> directions = new LinkedHashMap<>();
        List<SearchVocabulary.Activity> activities = new ArrayList<>();
        List<List<SearchVocabulary.Term>> nearby = new ArrayList<>();
        List<String> filler = new ArrayList<>();
        List<List<SearchVocabulary.Term>> questionWords = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new IllegalStateException(name + ":" + line + ": not valid YAML: " + e.getProblem());
        }
        if (!(root instanceof MappingNode map)) {
            throw new IllegalStateException(name + ":1: expected the sections " + KEYS);
        }
        for (NodeTuple section : map.getValue()) {
            String key = scalar(section.getKeyNode());
            Node value = section.getValueNode();
            switch (key == null ? "" : key) {
                case "directions" -> directions(value, directions);
                case "activities" -> {
                    for (Node a : sequence(value)) {
                        SearchVocabulary.Activity activity = activity(a);
                        if (activity != null) {
                            activities.add(activity);
                        }
                    }
                }
                case "nearby" -> words(value).forEach(w -> phrase(w, "nearby", nearby));
                case "filler" -> words(value).forEach(w -> filler.add(w.text().toLowerCase().replace('ё', 'е')));
                case "question-words" -> words(value).forEach(w -> phrase(w, "question-words", questionWords));
                default -> problem(section.getKeyNode(), "unknown section '" + key + "', expected one of " + KEYS);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        return new SearchVocabulary(directions, activities, nearby, filler, questionWords);
    }

    private void directions(Node value, Map<SearchVocabulary.Term, Direction> into) {
        if (!(value instanceof MappingNode map)) {
            problem(value, "'directions' lists words under each direction: technical: [техника, …]");
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String code = scalar(t.getKeyNode());
            Direction direction = Direction.fromApiName(code).orElse(null);
            if (direction == null) {
                problem(t.getKeyNode(), "unknown direction '" + code + "', expected one of " + directionNames());
                continue;
            }
            for (Word w : words(t.getValueNode())) {
                SearchVocabulary.Term term = SearchVocabulary.Term.of(w.text());
                if (declare(term.stem(), w, t.getValueNode())) {
                    into.put(term, direction);
                }
            }
        }
    }

    private SearchVocabulary.Activity activity(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "an activity is '- words: [...]' with optional 'direction:' and 'titles:'");
            return null;
        }
        Direction direction = null;
        List<SearchVocabulary.Term> terms = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            switch (key == null ? "" : key) {
                case "direction" -> {
                    String code = scalar(t.getValueNode());
                    direction = Direction.fromApiName(code).orElse(null);
                    if (direction == null) {
                        problem(t.getValueNode(), "unknown direction '" + code + "', expected one of " + directionNames());
                    }
                }
                case "words" -> {
                    for (Word w : words(t.getValueNode())) {
                        SearchVocabulary.Term term = SearchVocabulary.Term.of(w.text());
                        if (declare(term.stem(), w, t.getValueNode())) {
                            terms.add(term);
                        }
                    }
                }
                case "titles" -> words(t.getValueNode()).forEach(w -> titles.add(w.text().toLowerCase().replace('ё', 'е')));
                default -> problem(t.getKeyNode(), "unknown key '" + key + "' in an activity, expected words, direction, titles");
            }
        }
        if (terms.isEmpty() && problems.isEmpty()) {
            problem(node, "an activity needs at least one word in 'words'");
        }
        return new SearchVocabulary.Activity(terms, direction, titles);
    }

    private void phrase(Word w, String section, List<List<SearchVocabulary.Term>> into) {
        List<SearchVocabulary.Term> terms = SearchVocabulary.terms(w.text());
        if (terms.isEmpty()) {
            problem(w.node(), "an empty phrase in '" + section + "'");
        } else {
            into.add(terms);
        }
    }

    /**
     * False when the stem is already known: silently for another form of a word of the same list
     * («техническая», «технический»), with a problem when it already means something else.
     */
    private boolean declare(String stem, Word w, Node list) {
        String where = name + ":" + line(w.node());
        Declared earlier = declared.putIfAbsent(stem, new Declared(list, where));
        if (earlier == null) {
            return true;
        }
        if (earlier.list() != list) {
            problem(w.node(), "the word '" + w.text() + "' is already listed at " + earlier.where() + "; one word, one meaning");
        }
        return false;
    }

    private record Declared(Node list, String where) {
    }

    private record Word(String text, Node node) {
    }

    private List<Word> words(Node value) {
        List<Word> out = new ArrayList<>();
        for (Node n : sequence(value)) {
            String w = scalar(n);
            if (w == null || w.isBlank()) {
                problem(n, "expected a word");
            } else {
                out.add(new Word(w.strip(), n));
            }
        }
        return out;
    }

    private List<Node> sequence(Node value) {
        if (value instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(value, "expected a list: [слово, слово] or lines starting with '- '");
        return List.of();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String directionNames() {
        return java.util.Arrays.stream(Direction.values()).map(Direction::apiName).toList().toString();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private void problem(Node node, String what) {
        problems.add(name + ":" + line(node) + ": " + what);
    }
}
