package ru.kruzhok.faq;

import java.io.IOException;
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
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import ru.kruzhok.dialog.DialogFileException;
import ru.kruzhok.dialog.DialogFileException.Problem;
import ru.kruzhok.dialog.YamlReader;
import ru.kruzhok.municipality.MunicipalPlaceholders;

/**
 * Reads and checks the knowledge base. Staff edit these files by hand, so every mistake stops
 * start-up with the file, the line and what is wrong — a broken answer is never shown to a parent.
 *
 * <p>Reads through the dialogs' {@link YamlReader}, collecting: every problem of every file is reported
 * at once ({@link DialogFileException}). A file with nothing in it is allowed.
 */
final class FaqLoader {

    /** One YAML file: a name for messages and its text. */
    record Source(String name, String text) {
    }

    private static final Set<String> TOPIC_KEYS = Set.of("id", "title", "category", "paraphrases", "answer",
            "related", "action");
    private static final Set<String> FILE_KEYS = Set.of("topics", "outside", "synonyms", "filler", "subject", "domain");

    private static final String EXPECTED_LIST = "expected a list";

    private final List<Problem> problems = new ArrayList<>();

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
            throw new DialogFileException(directory, 1, "no *.yaml files, and none packaged in the jar");
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

    /** Where something was read, to report a problem found once every file is read. */
    private record Place(YamlReader reader, Node node) {
        String where() {
            return reader.where(node);
        }

        void problem(String what) {
            reader.problem(node, what);
        }
    }

    private record Located<T>(T value, Place place) {
    }

    private FaqKnowledgeBase read(List<Source> sources) {
        List<Located<FaqTopic>> topics = new ArrayList<>();
        Map<String, List<String>> outside = new LinkedHashMap<>();
        List<List<String>> synonyms = new ArrayList<>();
        Set<String> filler = new LinkedHashSet<>();
        Map<String, List<String>> subject = new LinkedHashMap<>();
        List<String> domain = new ArrayList<>();
        Map<String, Place> subjectWhere = new HashMap<>();
        Map<String, String> idWhere = new HashMap<>();

        for (Source source : sources) {
            YamlReader y = YamlReader.collecting(source.name(), problems);
            Node root = y.composeOrEmpty(source.text());
            if (root == null) {
                continue;
            }
            Map<String, Node> sections = y.fields(root, FILE_KEYS, "knowledge base file", "expected keys " + FILE_KEYS);
            for (Map.Entry<String, Node> entry : sections.entrySet()) {
                Node value = entry.getValue();
                switch (entry.getKey()) {
                    case "topics" -> {
                        for (Node t : y.sequence(value, EXPECTED_LIST)) {
                            FaqTopic topic = topic(y, t);
                            String id = topic == null ? idOf(t) : topic.id();
                            if (id == null) {
                                continue;
                            }
                            // a broken topic keeps its id known, so its neighbours' related lists do not break too
                            String earlier = idWhere.putIfAbsent(id, y.where(t));
                            if (topic != null && earlier != null) {
                                y.problem(t, "topic id '" + id + "' is already used at " + earlier);
                            } else if (topic != null) {
                                topics.add(new Located<>(topic, new Place(y, t)));
                            }
                        }
                    }
                    case "outside" -> {
                        for (Node o : y.sequence(value, EXPECTED_LIST)) {
                            Map<String, Node> fields = y.fields(o, Set.of("id", "paraphrases"), "kind of question",
                                    "expected keys [id, paraphrases]");
                            String id = text(y, o, fields, "id");
                            List<String> phrases = strings(y, fields.get("paraphrases"), o, "paraphrases");
                            if (id != null) {
                                String earlier = idWhere.putIfAbsent(id, y.where(o));
                                if (earlier != null) {
                                    y.problem(o, "id '" + id + "' is already used at " + earlier);
                                } else if (!phrases.isEmpty()) {
                                    outside.put(id, phrases);
                                }
                            }
                        }
                    }
                    case "synonyms" -> {
                        for (Node g : y.sequence(value, EXPECTED_LIST)) {
                            List<String> group = strings(y, g, g, "synonym group");
                            if (group.size() < 2) {
                                y.problem(g, "a synonym group needs at least two words");
                            } else {
                                synonyms.add(group);
                            }
                        }
                    }
                    case "filler" -> filler.addAll(strings(y, value, value, "filler"));
                    case "domain" -> domain.addAll(strings(y, value, value, "domain"));
                    default -> { // subject
                        MappingNode topicsWords = y.mapping(value, "expected topic ids with their subject words");
                        for (NodeTuple t : topicsWords == null ? List.<NodeTuple>of() : topicsWords.getValue()) {
                            String id = y.scalar(t.getKeyNode(), "expected a text");
                            List<String> words = strings(y, t.getValueNode(), t.getKeyNode(), "subject of " + id);
                            if (id == null) {
                                continue;
                            }
                            Place earlier = subjectWhere.putIfAbsent(id.strip(), new Place(y, t.getKeyNode()));
                            if (earlier != null) {
                                y.problem(t.getKeyNode(), "subject words of '" + id.strip() + "' are already given at "
                                        + earlier.where());
                            } else {
                                subject.put(id.strip(), words);
                            }
                        }
                    }
                }
            }
        }

        Set<String> ids = new HashSet<>(idWhere.keySet());
        for (Located<FaqTopic> t : topics) {
            for (String rel : t.value().related()) {
                if (!ids.contains(rel) || outside.containsKey(rel)) {
                    t.place().problem("topic '" + t.value().id() + "' names unknown related topic '" + rel + "'");
                }
            }
        }
        subject.keySet().stream().filter(id -> !ids.contains(id)).forEach(id ->
                subjectWhere.get(id).problem("subject words for unknown topic '" + id + "'"));
        DialogFileException.throwIfAny(problems);
        return new FaqKnowledgeBase(topics.stream().map(Located::value).toList(), outside, synonyms, filler, subject,
                domain);
    }

    private FaqTopic topic(YamlReader y, Node node) {
        int before = problems.size();
        Map<String, Node> f = y.fields(node, TOPIC_KEYS, "topic", "expected keys " + TOPIC_KEYS);
        String id = text(y, node, f, "id");
        if (id != null && !id.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            y.problem(f.get("id"), "topic id '" + id + "' must look like 'certificate.how-to-get'");
        }
        String title = text(y, node, f, "title");
        if (title != null && title.length() > FaqTopic.MAX_TITLE) {
            y.problem(f.get("title"), "title '" + title + "' is " + title.length() + " characters, at most "
                    + FaqTopic.MAX_TITLE + " fit on a button");
        }
        String category = text(y, node, f, "category");
        List<String> paraphrases = strings(y, f.get("paraphrases"), node, "paraphrases");
        if (paraphrases.isEmpty() && f.get("paraphrases") != null) {
            y.problem(f.get("paraphrases"), "topic '" + id + "' has no paraphrases");
        }
        String answer = text(y, node, f, "answer");
        if (answer != null) {
            for (String p : AnswerTemplate.placeholders(answer)) {
                if (!AnswerTemplate.PLACEHOLDERS.contains(p)) {
                    String now = MunicipalPlaceholders.OLD_SPELLINGS.get(p);
                    y.problem(f.get("answer"), "unknown placeholder {" + p + "} in the answer of '" + id
                            + (now != null ? "': it is written {" + now + "} now"
                                    : "', known: " + AnswerTemplate.PLACEHOLDERS.stream().sorted().toList()));
                }
            }
        }
        List<String> related = f.get("related") == null ? List.of() : strings(y, f.get("related"), node, "related");
        String action = f.get("action") == null ? null : text(y, node, f, "action");
        if (problems.size() > before) {
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

    /** A required non-blank text field, stripped. */
    private static String text(YamlReader y, Node owner, Map<String, Node> fields, String name) {
        String s = y.required(owner, fields, name);
        return s == null ? null : s.strip();
    }

    /** A required list of non-blank texts. */
    private static List<String> strings(YamlReader y, Node value, Node owner, String name) {
        if (value == null) {
            y.problem(owner, "'" + name + "' is missing");
            return List.of();
        }
        return y.items(value, EXPECTED_LIST, "empty entry in '" + name + "'").stream().map(YamlReader.Item::text).toList();
    }
}
