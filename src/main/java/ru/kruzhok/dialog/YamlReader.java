package ru.kruzhok.dialog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import ru.kruzhok.dialog.DialogFileException.Problem;

/**
 * Reads one file of {@code dialogs/} (a flow, a survey, a FAQ file, the search vocabulary) as
 * SnakeYAML nodes, which keep their line, so every problem is reported as
 * {@code file:line: what is wrong} ({@link DialogFileException}). Every loader uses it; each says
 * only what its files may contain.
 *
 * <p>A reader either stops at the first problem ({@link #YamlReader(String)}) or collects every
 * problem into a list the loader shares across its files ({@link #collecting}), so a methodist sees
 * all mistakes at once. A collecting reader's methods return {@code null} (or an empty list) after
 * reporting, and the loader goes on with the next entry; a stopping reader throws instead, so the
 * same loader code works either way. The flow and survey loaders, whose checks build on each other,
 * use a stopping reader part by part (a step, a question, a text) with
 * {@link DialogFileException#collect}, so they too name every broken part at once.
 */
public final class YamlReader {

    private final String file;
    /** Where problems go; null: throw at the first one. */
    private final List<Problem> problems;

    /** A reader that throws {@link DialogFileException} at the first problem. */
    public YamlReader(String file) {
        this(file, null);
    }

    private YamlReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** A reader that adds every problem to {@code problems}; see {@link DialogFileException#throwIfAny}. */
    public static YamlReader collecting(String file, List<Problem> problems) {
        return new YamlReader(file, problems);
    }

    public String file() {
        return file;
    }

    /** The file's root node; an empty or malformed file is a problem at its line. */
    public Node compose(String content) {
        int before = problems == null ? 0 : problems.size();
        Node node = composeOrEmpty(content);
        if (node == null && (problems == null || problems.size() == before)) {
            return problem(null, "the file is empty");
        }
        return node;
    }

    /**
     * The file's root node, or null for a file with nothing in it (the FAQ allows one, e.g. a topic
     * file being written); malformed YAML is a problem at its line.
     */
    public Node composeOrEmpty(String content) {
        try (Reader reader = new StringReader(content)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // duplicates are reported with their line by fields()
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            report(new Problem(file, line, "not valid YAML: " + e.getProblem()));
            return null;
        } catch (IOException e) {
            report(new Problem(file, 1, "cannot read: " + e.getMessage()));
            return null;
        }
    }

    /**
     * Reports a problem at the node's line: a stopping reader throws it, a collecting one keeps it
     * and returns null, so {@code return reader.problem(node, "…")} reads the same in both.
     */
    public <T> T problem(Node node, String what) {
        report(new Problem(file, line(node), what));
        return null;
    }

    private void report(Problem problem) {
        if (problems == null) {
            throw new DialogFileException(List.of(problem));
        }
        problems.add(problem);
    }

    /** The problem as an exception, for a loader that stops at the first one ({@code throw reader.error(…)}). */
    public DialogFileException error(Node node, String problem) {
        return new DialogFileException(file, line(node), problem);
    }

    /** {@code file:line} of a node, as problems name places («already used at a.yaml:9»). */
    public String where(Node node) {
        return file + ":" + line(node);
    }

    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /**
     * The keys of a mapping, each allowed and given once; {@code what} names the mapping in the
     * message. A collecting reader leaves out an unknown or repeated key and goes on.
     */
    public Map<String, Node> fields(MappingNode m, Set<String> allowed, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = key(t);
            if (key == null) {
                continue;
            }
            if (!allowed.contains(key)) {
                problem(t.getKeyNode(), "unknown key '" + key + "' in a " + what + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            } else if (out.containsKey(key)) {
                problem(t.getKeyNode(), "'" + key + "' is given twice");
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    /** The fields of a node that must be a mapping; empty after a problem. */
    public Map<String, Node> fields(Node node, Set<String> allowed, String what, String expected) {
        MappingNode m = mapping(node, expected);
        return m == null ? new LinkedHashMap<>() : fields(m, allowed, what);
    }

    public MappingNode mapping(Node node, String expected) {
        if (node instanceof MappingNode m) {
            return m;
        }
        return problem(node, expected);
    }

    /** The items of a list; empty after a problem. */
    public List<Node> sequence(Node node, String expected) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(node, expected);
        return List.of();
    }

    public String key(NodeTuple t) {
        return scalar(t.getKeyNode(), "a key must be a plain word");
    }

    public String scalar(Node node, String expected) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        return problem(node, expected);
    }

    /** A key that must be there with a non-blank single value. */
    public String required(Node owner, Map<String, Node> fields, String key) {
        if (!fields.containsKey(key)) {
            return problem(owner, "'" + key + ":' is missing");
        }
        String value = scalar(fields.get(key), "'" + key + "' must be a single value");
        if (value != null && value.isBlank()) {
            return problem(fields.get(key), "'" + key + "' is empty");
        }
        return value;
    }

    /**
     * A list of non-blank single values, stripped; each blank or nested entry is a problem
     * ({@code emptyEntry}) and left out.
     */
    public List<Item> items(Node node, String expected, String emptyEntry) {
        List<Item> out = new ArrayList<>();
        for (Node n : sequence(node, expected)) {
            String s = n instanceof ScalarNode sc ? sc.getValue() : null;
            if (s == null || s.isBlank()) {
                problem(n, emptyEntry);
            } else {
                out.add(new Item(s.strip(), n));
            }
        }
        return out;
    }

    /** One entry of a list with its node, for problems found later («already listed at …»). */
    public record Item(String text, Node node) {
    }

    /** A whole number, or null when the node is absent. */
    public Integer integer(Node node) {
        if (node == null) {
            return null;
        }
        String v = scalar(node, "a number is expected");
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return problem(node, "'" + v + "' is not a whole number");
        }
    }

    public boolean bool(Node node) {
        String v = scalar(node, "true or false is expected");
        if (v != null && !v.equals("true") && !v.equals("false")) {
            problem(node, "true or false is expected, not '" + v + "'");
        }
        return "true".equals(v);
    }

    public Map<String, String> stringMap(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        MappingNode m = mapping(node, "a set of 'name: value' is expected");
        for (NodeTuple t : m == null ? List.<NodeTuple>of() : m.getValue()) {
            String key = key(t);
            String value = scalar(t.getValueNode(), "a single value is expected");
            if (key != null && value != null) {
                out.put(key, value);
            }
        }
        return out;
    }
}
