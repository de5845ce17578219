package ru.kruzhok.faq;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import ru.kruzhok.municipality.MunicipalPlaceholders;

/**
 * Reads and checks the knowledge base. Staff edit these files by hand, so every mistake stops
 * start-up with the file, the line and what is wrong — a broken answer is never shown to a parent.
 *
 * <p>Uses SnakeYAML's node tree (not object binding) because only the nodes carry line numbers.
 */
final class FaqLoader {

    /** One YAML file: a name for messages and its text. */
    record Source(String name, String text) {
    }

    private static final Set<String> TOPIC_KEYS = Set.of("id", "title", "category", "paraphrases", "answer",
            "related", "action");
    private static final Set<String> FILE_KEYS = Set.of("topics", "outside", "synonyms", "filler", "subject", "domain");

    private final List<String> errors = new ArrayList<>();

    private FaqLoader() {
    }

    /**
     * Loads {@code directory/*.yaml} when the directory holds any, otherwise the copy packaged in the
     * jar under {@code dialogs/faq/}.
     */
    static FaqKnowledgeBase load(String directory) {
        Path dir = Path.of(directory);
        List<Source> sources = Files.isDirectory(dir) ? fromDirectory(dir) : List.of();
        if (sources.isEmpty()) {
            sources = fromClasspath();
        }
        if (sources.isEmpty()) {
            throw new FaqFileException(List.of(directory + ": no *.yaml files, and none packaged in the jar"));
        }
        return parse(sources);
    }

    static FaqKnowledgeBase parse(List<Source> sources) {
        return new FaqLoader().read(sources);
    }

    private static List<Source> fromDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Source> list = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                list.add(new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
    }

    private static List<Source> fromClasspath() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:dialogs/faq/*.yaml");
            List<Source> list = new ArrayList<>();
            for (Resource r : Stream.of(found).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                list.add(new Source("classpath:dialogs/faq/" + r.getFilename(),
                        r.getContentAsString(StandardCharsets.UTF_8)));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dialogs/faq from the classpath", e);
        }
    }

    private record Located<T>(T value, String where) {
    }

    private FaqKnowledgeBase read(List<Source> sources) {
        List<Located<FaqTopic>> topics = new ArrayList<>();
        Map<String, List<String>> outside = new LinkedHashMap<>();
        List<List<String>> synonyms = new ArrayList<>();
        Set<String> filler = new LinkedHashSet<>();
        Map<String, List<String>> subject = new LinkedHashMap<>();
        List<String> domain = new ArrayList<>();
        Map<String, String> subjectWhere = new HashMap<>();
        Map<String, String> idWhere = new HashMap<>();

        for (Source source : sources) {
            Node root;
            try {
                root = new Yaml(new LoaderOptions()).compose(new StringReader(source.text()));
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
                errors.add(source.name() + ":" + line + ": not valid YAML: " + e.getProblem());
                continue;
            }
            if (root == null) {
                continue;
            }
            if (!(root instanceof MappingNode map)) {
                error(source, root, "expected keys " + FILE_KEYS);
                continue;
            }
            for (NodeTuple entry : map.getValue()) {
                String key = scalar(source, entry.getKeyNode());
                Node value = entry.getValueNode();
                switch (key == null ? "" : key) {
                    case "topics" -> {
                        for (Node t : sequence(source, value)) {
                            FaqTopic topic = topic(source, t);
                            if (topic == null) {
                                // keep the id known, so one broken topic does not also break its neighbours' related lists
                                String id = idOf(t);
                                if (id != null) {
                                    idWhere.putIfAbsent(id, where(source, t));
                                }
                            } else {
                                String where = where(source, t);
                                String earlier = idWhere.putIfAbsent(topic.id(), where);
                                if (earlier != null) {
                                    errors.add(where + ": topic id '" + topic.id() + "' is already used at " + earlier);
                                } else {
                                    topics.add(new Located<>(topic, where));
                                }
                            }
                        }
                    }
                    case "outside" -> {
                        for (Node o : sequence(source, value)) {
                            Map<String, Node> fields = mapping(source, o, Set.of("id", "paraphrases"));
                            String id = text(source, fields.get("id"), o, "id");
                            List<String> phrases = strings(source, fields.get("paraphrases"), o, "paraphrases");
                            if (id != null) {
                                String earlier = idWhere.putIfAbsent(id, where(source, o));
                                if (earlier != null) {
                                    error(source, o, "id '" + id + "' is already used at " + earlier);
                                } else if (!phrases.isEmpty()) {
                                    outside.put(id, phrases);
                                }
                            }
                        }
                    }
                    case "synonyms" -> {
                        for (Node g : sequence(source, value)) {
                            List<String> group = strings(source, g, g, "synonym group");
                            if (group.size() < 2) {
                                error(source, g, "a synonym group needs at least two words");
                            } else {
                                synonyms.add(group);
                            }
                        }
                    }
                    case "filler" -> filler.addAll(strings(source, value, value, "filler"));
                    case "domain" -> domain.addAll(strings(source, value, value, "domain"));
                    case "subject" -> {
                        if (!(value instanceof MappingNode topicsWords)) {
                            error(source, value, "expected topic ids with their subject words");
                            continue;
                        }
                        for (NodeTuple t : topicsWords.getValue()) {
                            String id = scalar(source, t.getKeyNode());
                            List<String> words = strings(source, t.getValueNode(), t.getKeyNode(), "subject of " + id);
                            if (id == null) {
                                continue;
                            }
                            String where = where(source, t.getKeyNode());
                            String earlier = subjectWhere.putIfAbsent(id.strip(), where);
                            if (earlier != null) {
                                errors.add(where + ": subject words of '" + id.strip() + "' are already given at " + earlier);
                            } else {
                                subject.put(id.strip(), words);
                            }
                        }
                    }
                    default -> error(source, entry.getKeyNode(), "unknown key '" + key + "', expected one of " + FILE_KEYS);
                }
            }
        }

        Set<String> ids = new HashSet<>(idWhere.keySet());
        for (Located<FaqTopic> t : topics) {
            for (String rel : t.value().related()) {
                if (!ids.contains(rel) || outside.containsKey(rel)) {
                    errors.add(t.where() + ": topic '" + t.value().id() + "' names unknown related topic '" + rel + "'");
                }
            }
        }
        subject.keySet().stream().filter(id -> !ids.contains(id)).forEach(id ->
                errors.add(subjectWhere.get(id) + ": subject words for unknown topic '" + id + "'"));
        if (!errors.isEmpty()) {
            throw new FaqFileException(errors);
        }
        return new FaqKnowledgeBase(topics.stream().map(Located::value).toList(), outside, synonyms, filler, subject,
                domain);
    }

    private FaqTopic topic(Source source, Node node) {
        int before = errors.size();
        Map<String, Node> f = mapping(source, node, TOPIC_KEYS);
        String id = text(source, f.get("id"), node, "id");
        if (id != null && !id.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            error(source, f.get("id"), "topic id '" + id + "' must look like 'certificate.how-to-get'");
        }
        String title = text(source, f.get("title"), node, "title");
        if (title != null && title.length() > FaqTopic.MAX_TITLE) {
            error(source, f.get("title"), "title '" + title + "' is " + title.length() + " characters, at most "
                    + FaqTopic.MAX_TITLE + " fit on a button");
        }
        String category = text(source, f.get("category"), node, "category");
        List<String> paraphrases = strings(source, f.get("paraphrases"), node, "paraphrases");
        if (paraphrases.isEmpty() && f.get("paraphrases") != null) {
            error(source, f.get("paraphrases"), "topic '" + id + "' has no paraphrases");
        }
        String answer = text(source, f.get("answer"), node, "answer");
        if (answer != null) {
            for (String p : AnswerTemplate.placeholders(answer)) {
                if (!AnswerTemplate.PLACEHOLDERS.contains(p)) {
                    String now = MunicipalPlaceholders.OLD_SPELLINGS.get(p);
                    error(source, f.get("answer"), "unknown placeholder {" + p + "} in the answer of '" + id
                            + (now != null ? "': it is written {" + now + "} now"
                                    : "', known: " + AnswerTemplate.PLACEHOLDERS.stream().sorted().toList()));
                }
            }
        }
        List<String> related = f.get("related") == null ? List.of() : strings(source, f.get("related"), node, "related");
        String action = f.get("action") == null ? null : text(source, f.get("action"), node, "action");
        if (errors.size() > before) {
            return null;
        }
        return new FaqTopic(id, title, category, paraphrases, answer, related, action);
    }

    private static String idOf(Node topic) {
        if (topic instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")
                        && t.getValueNode() instanceof ScalarNode v) {
                    return v.getValue().strip();
                }
            }
        }
        return null;
    }

    private Map<String, Node> mapping(Source source, Node node, Set<String> allowed) {
        Map<String, Node> fields = new HashMap<>();
        if (!(node instanceof MappingNode map)) {
            error(source, node, "expected keys " + allowed);
            return fields;
        }
        for (NodeTuple t : map.getValue()) {
            String key = scalar(source, t.getKeyNode());
            if (key != null && !allowed.contains(key)) {
                error(source, t.getKeyNode(), "unknown key '" + key + "', expected one of " + allowed);
            } else if (key != null) {
                fields.put(key, t.getValueNode());
            }
        }
        return fields;
    }

    private List<Node> sequence(Source source, Node node) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error(source, node, "expected a list");
        return List.of();
    }

    /** A required non-blank text field. */
    private String text(Source source, Node value, Node owner, String name) {
        if (value == null) {
            error(source, owner, "'" + name + "' is missing");
            return null;
        }
        String s = scalar(source, value);
        if (s == null || s.isBlank()) {
            error(source, value, "'" + name + "' is empty");
            return null;
        }
        return s.strip();
    }

    /** A required list of non-blank texts. */
    private List<String> strings(Source source, Node value, Node owner, String name) {
        if (value == null) {
            error(source, owner, "'" + name + "' is missing");
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (Node item : sequence(source, value)) {
            String s = scalar(source, item);
            if (s == null || s.isBlank()) {
                error(source, item, "empty entry in '" + name + "'");
            } else {
                list.add(s.strip());
            }
        }
        return list;
    }

    private String scalar(Source source, Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error(source, node, "expected a text");
        return null;
    }

    private void error(Source source, Node node, String message) {
        errors.add(where(source, node) + ": " + message);
    }

    private static String where(Source source, Node node) {
        return source.name() + ":" + (node == null ? 0 : node.getStartMark().getLine() + 1);
    }
}
