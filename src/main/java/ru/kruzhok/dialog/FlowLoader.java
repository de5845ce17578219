package ru.kruzhok.dialog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import ru.kruzhok.dialog.DialogModel.ButtonDef;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.DialogModel.Flow;
import ru.kruzhok.dialog.DialogModel.InputDef;
import ru.kruzhok.dialog.DialogModel.Source;
import ru.kruzhok.dialog.DialogModel.Step;

/**
 * Reads flow files and the texts file into {@link Dialogs}. It walks SnakeYAML's node tree rather
 * than binding to classes so that every error names the file and line, unknown keys (typos) are
 * refused, and duplicate keys are caught — a methodist edits these files by hand.
 */
final class FlowLoader {

    /** A named YAML document: its file name for messages, and its content. */
    record DialogFile(String name, String content) {
    }

    private static final Set<String> FLOW_KEYS = Set.of("flow", "start", "steps", "staff", "stale", "commands", "closed");
    private static final Set<String> STEP_KEYS = Set.of("text", "buttons", "input", "provider", "choice", "back", "entry");
    private static final Set<String> TARGET_KEYS = Set.of("go", "flow", "action", "url", "back", "next", "on", "set", "arg");
    private static final Set<String> BUTTON_KEYS = union(TARGET_KEYS, Set.of("label"));
    private static final Set<String> INPUT_KEYS = union(TARGET_KEYS, Set.of("type", "save", "min", "max", "max-length", "retry",
            "caption-retry"));
    /** {@code message}: text with its formatting, or one photo or file with a caption (staff announcements). */
    static final Set<String> INPUT_TYPES = Set.of("text", "number", "contact", "message");

    Dialogs load(List<DialogFile> flowFiles, List<DialogFile> textFiles) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Source> textSources = new LinkedHashMap<>();
        for (DialogFile file : textFiles) {
            MappingNode root = mapping(file, compose(file), "a texts file is a list of 'key: text'");
            for (NodeTuple t : root.getValue()) {
                String key = scalarKey(file, t);
                if (texts.containsKey(key)) {
                    throw error(file, t.getKeyNode(), "the text '" + key + "' is defined twice");
                }
                texts.put(key, scalar(file, t.getValueNode(), "the text '" + key + "' must be a string"));
                textSources.put(key, new Source(file.name(), t.getKeyNode().getStartMark().getLine() + 1));
            }
        }
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (DialogFile file : flowFiles) {
            Flow flow = flow(file, compose(file));
            if (flows.containsKey(flow.id())) {
                throw new DialogFileException(file.name(), flow.source().line(),
                        "the flow '" + flow.id() + "' is already defined in " + flows.get(flow.id()).source().file());
            }
            flows.put(flow.id(), flow);
        }
        return new Dialogs(Map.copyOf(flows), Map.copyOf(texts), Map.copyOf(textSources), version(flowFiles, textFiles));
    }

    private Flow flow(DialogFile file, Node node) {
        MappingNode root = mapping(file, node, "a flow file starts with 'flow:', 'start:' and 'steps:'");
        Map<String, Node> fields = fields(file, root, FLOW_KEYS, "flow");
        String id = requiredScalar(file, root, fields, "flow");
        if (!id.matches("[a-z][a-z0-9_-]*")) {
            throw error(file, fields.get("flow"), "a flow name uses lower-case latin letters, digits, '-' and '_': '" + id + "'");
        }
        String start = requiredScalar(file, root, fields, "start");
        Node stepsNode = fields.get("steps");
        if (stepsNode == null) {
            throw error(file, root, "the flow '" + id + "' has no 'steps:'");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (NodeTuple t : mapping(file, stepsNode, "'steps:' is a list of named steps").getValue()) {
            String stepId = scalarKey(file, t);
            if (!stepId.matches("[a-z][a-z0-9_-]*")) {
                throw error(file, t.getKeyNode(), "a step name uses lower-case latin letters, digits, '-' and '_': '" + stepId + "'");
            }
            if (stepId.equals(DialogModel.END)) {
                throw error(file, t.getKeyNode(), "'" + DialogModel.END + "' is not a step name: 'next: end' leaves the flow");
            }
            if (steps.containsKey(stepId)) {
                throw error(file, t.getKeyNode(), "the step '" + stepId + "' is defined twice");
            }
            steps.put(stepId, step(file, stepId, t.getValueNode()));
        }
        boolean staff = fields.containsKey("staff") && bool(file, fields.get("staff"));
        String stale = fields.containsKey("stale") ? scalar(file, fields.get("stale"), "'stale' is a text") : null;
        if (stale != null && !staff) {
            throw error(file, fields.get("stale"), "'stale:' is for staff flows (staff: true); parents get the usual reply");
        }
        String closed = fields.containsKey("closed") ? scalar(file, fields.get("closed"), "'closed' is a text") : null;
        if (closed != null && !staff) {
            throw error(file, fields.get("closed"), "'closed:' is for staff flows (staff: true); parents get the usual reply");
        }
        Map<String, Target> commands = new LinkedHashMap<>();
        if (fields.containsKey("commands")) {
            for (NodeTuple t : mapping(file, fields.get("commands"), "'commands:' is a list of 'name: {action: …}'").getValue()) {
                String name = scalarKey(file, t);
                if (!name.matches("[a-z0-9_]{1,32}")) {
                    throw error(file, t.getKeyNode(), "a command is written without '/', in latin letters: '" + name + "'");
                }
                MappingNode m = mapping(file, t.getValueNode(), "a command leads somewhere: '{action: …, next: …}'");
                commands.put(name, target(file, m, fields(file, m, TARGET_KEYS, "command"), true));
            }
        }
        return new Flow(id, start, steps, source(file, root), staff, stale, commands, closed);
    }

    private Step step(DialogFile file, String id, Node node) {
        MappingNode m = mapping(file, node, "the step '" + id + "' must be a set of 'key: value'");
        Map<String, Node> f = fields(file, m, STEP_KEYS, "step");
        String text = f.containsKey("text") ? scalar(file, f.get("text"), "'text' must be a string") : null;
        if (text == null) {
            throw error(file, m, "the step '" + id + "' has no 'text:'");
        }
        List<List<ButtonDef>> rows = new ArrayList<>();
        if (f.containsKey("buttons")) {
            Node buttons = f.get("buttons");
            if (!(buttons instanceof SequenceNode seq)) {
                throw error(file, buttons, "'buttons:' is a list: one '- {label: …}' per line, or '- [ {…}, {…} ]' for a row");
            }
            for (Node item : seq.getValue()) {
                if (item instanceof SequenceNode row) {
                    List<ButtonDef> buttonsOfRow = new ArrayList<>();
                    for (Node b : row.getValue()) {
                        buttonsOfRow.add(button(file, b));
                    }
                    rows.add(buttonsOfRow);
                } else {
                    rows.add(List.of(button(file, item)));
                }
            }
        }
        InputDef input = f.containsKey("input") ? input(file, f.get("input")) : null;
        String provider = f.containsKey("provider") ? scalar(file, f.get("provider"), "'provider' is a name") : null;
        Target choice = f.containsKey("choice") ? target(file, mapping(file, f.get("choice"), "'choice:' is a target"),
                fields(file, (MappingNode) f.get("choice"), TARGET_KEYS, "choice"), true) : null;
        boolean back = f.containsKey("back") && bool(file, f.get("back"));
        boolean entry = f.containsKey("entry") && bool(file, f.get("entry"));
        return new Step(id, text, rows, input, provider, back, source(file, m)).withChoice(choice).asEntry(entry);
    }

    private ButtonDef button(DialogFile file, Node node) {
        MappingNode m = mapping(file, node, "a button is '{label: \"…\", go: step}'");
        Map<String, Node> f = fields(file, m, BUTTON_KEYS, "button");
        String label = requiredScalar(file, m, f, "label");
        return new ButtonDef(label, target(file, m, f, true), source(file, m));
    }

    private InputDef input(DialogFile file, Node node) {
        MappingNode m = mapping(file, node, "'input:' is a set of 'key: value'");
        Map<String, Node> f = fields(file, m, INPUT_KEYS, "input");
        String type = f.containsKey("type") ? scalar(file, f.get("type"), "'type' is text, number or contact") : "text";
        if (!INPUT_TYPES.contains(type)) {
            throw error(file, f.get("type"), "unknown input type '" + type + "': use text, number, contact or message");
        }
        if (f.containsKey("caption-retry") && !type.equals("message")) {
            throw error(file, f.get("caption-retry"), "'caption-retry' is for 'type: message'");
        }
        return new InputDef(type,
                f.containsKey("save") ? scalar(file, f.get("save"), "'save' is a variable name") : null,
                integer(file, f.get("min")), integer(file, f.get("max")), integer(file, f.get("max-length")),
                target(file, m, f, false),
                f.containsKey("retry") ? scalar(file, f.get("retry"), "'retry' is a text") : null,
                source(file, m),
                f.containsKey("caption-retry") ? scalar(file, f.get("caption-retry"), "'caption-retry' is a text") : null);
    }

    private Target target(DialogFile file, MappingNode m, Map<String, Node> f, boolean required) {
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("go", "flow", "action", "url", "back")) {
            if (f.containsKey(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() > 1) {
            throw error(file, m, "use only one of go / flow / action / url / back here, not " + String.join(" and ", kinds));
        }
        Map<String, String> on = f.containsKey("on") ? stringMap(file, f.get("on")) : Map.of();
        Map<String, String> set = f.containsKey("set") ? stringMap(file, f.get("set")) : Map.of();
        String next = f.containsKey("next") ? scalar(file, f.get("next"), "'next' is a step name") : null;
        String arg = f.containsKey("arg") ? scalar(file, f.get("arg"), "'arg' is a value") : null;
        if (kinds.isEmpty()) {
            if (next != null) {
                return new Target(Target.Kind.GO, next, null, null, null, set);
            }
            if (required) {
                throw error(file, m, "say where this leads: go: <step>, flow: <flow>, action: <name>, url: <address> or back: true");
            }
            return null;
        }
        String kind = kinds.get(0);
        String ref = kind.equals("back") ? null : scalar(file, f.get(kind), "'" + kind + "' needs a value");
        return switch (kind) {
            case "go" -> new Target(Target.Kind.GO, ref, arg, next, on, set);
            case "flow" -> new Target(Target.Kind.FLOW, ref, arg, next, on, set);
            case "action" -> new Target(Target.Kind.ACTION, ref, arg, next, on, set);
            case "url" -> new Target(Target.Kind.URL, ref, arg, next, on, set);
            default -> new Target(Target.Kind.BACK, null, arg, next, on, set);
        };
    }

    // ---- node helpers: the shared YamlReader, bound to the file ------------------------------

    private static YamlReader reader(DialogFile file) {
        return new YamlReader(file.name());
    }

    private static Node compose(DialogFile file) {
        return reader(file).compose(file.content());
    }

    private static Map<String, Node> fields(DialogFile file, MappingNode m, Set<String> allowed, String what) {
        return reader(file).fields(m, allowed, what);
    }

    private static MappingNode mapping(DialogFile file, Node node, String expected) {
        return reader(file).mapping(node, expected);
    }

    private static String scalarKey(DialogFile file, NodeTuple t) {
        return reader(file).key(t);
    }

    private static String scalar(DialogFile file, Node node, String expected) {
        return reader(file).scalar(node, expected);
    }

    private static String requiredScalar(DialogFile file, MappingNode owner, Map<String, Node> f, String key) {
        return reader(file).required(owner, f, key);
    }

    private static Integer integer(DialogFile file, Node node) {
        return reader(file).integer(node);
    }

    private static boolean bool(DialogFile file, Node node) {
        return reader(file).bool(node);
    }

    private static Map<String, String> stringMap(DialogFile file, Node node) {
        return reader(file).stringMap(node);
    }

    static Source source(DialogFile file, Node node) {
        return new Source(file.name(), node.getStartMark().getLine() + 1);
    }

    static DialogFileException error(DialogFile file, Node node, String problem) {
        return reader(file).error(node, problem);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    private static String version(List<DialogFile> flows, List<DialogFile> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DialogFile f : flows) {
                digest.update(f.content().getBytes(StandardCharsets.UTF_8));
            }
            for (DialogFile f : texts) {
                digest.update(f.content().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
