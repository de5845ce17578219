package ru.kruzhok.dialog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one file of {@code dialogs/} (a flow, a survey…) as SnakeYAML nodes, which keep their line,
 * so every problem is reported as {@code file:line: what is wrong} ({@link DialogFileException}).
 * The flow and survey loaders share it; each says only what its files may contain.
 */
public final class YamlReader {

    private final String file;

    public YamlReader(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** The file's root node; an empty or malformed file is a problem at its line. */
    public Node compose(String content) {
        try (Reader reader = new StringReader(content)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // duplicates are reported with their line by fields()
            Node node = new Yaml(options).compose(reader);
            if (node == null) {
                throw new DialogFileException(file, 1, "the file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new DialogFileException(file, line, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new DialogFileException(file, 1, "cannot read: " + e.getMessage());
        }
    }

    public DialogFileException error(Node node, String problem) {
        return new DialogFileException(file, line(node), problem);
    }

    public static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** The keys of a mapping, each allowed and given once; {@code what} names the mapping in the message. */
    public Map<String, Node> fields(MappingNode m, Set<String> allowed, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = key(t);
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in a " + what + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (out.containsKey(key)) {
                throw error(t.getKeyNode(), "'" + key + "' is given twice");
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    public MappingNode mapping(Node node, String expected) {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw error(node, expected);
    }

    public String key(NodeTuple t) {
        return scalar(t.getKeyNode(), "a key must be a plain word");
    }

    public String scalar(Node node, String expected) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(node, expected);
    }

    /** A key that must be there with a non-blank single value. */
    public String required(MappingNode owner, Map<String, Node> fields, String key) {
        if (!fields.containsKey(key)) {
            throw error(owner, "'" + key + ":' is missing");
        }
        String value = scalar(fields.get(key), "'" + key + "' must be a single value");
        if (value.isBlank()) {
            throw error(fields.get(key), "'" + key + "' is empty");
        }
        return value;
    }

    /** A whole number, or null when the node is absent. */
    public Integer integer(Node node) {
        if (node == null) {
            return null;
        }
        String v = scalar(node, "a number is expected");
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw error(node, "'" + v + "' is not a whole number");
        }
    }

    public boolean bool(Node node) {
        String v = scalar(node, "true or false is expected");
        if (!v.equals("true") && !v.equals("false")) {
            throw error(node, "true or false is expected, not '" + v + "'");
        }
        return v.equals("true");
    }

    public Map<String, String> stringMap(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping(node, "a set of 'name: value' is expected").getValue()) {
            out.put(key(t), scalar(t.getValueNode(), "a single value is expected"));
        }
        return out;
    }
}
