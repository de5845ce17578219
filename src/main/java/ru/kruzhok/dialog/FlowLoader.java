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
import ru.kruzhok.dialog.DialogFileException.Problem;
import ru.kruzhok.dialog.DialogModel.ButtonDef;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.DialogModel.Flow;
import ru.kruzhok.dialog.DialogModel.InputDef;
import ru.kruzhok.dialog.DialogModel.Source;
import ru.kruzhok.dialog.DialogModel.Step;

/**
 * Reads flow files and the texts file into {@link Dialogs}. It walks SnakeYAML's node tree rather
 * than binding to classes so that every error names the file and line, unknown keys (typos) are
 * refused, and duplicate keys are caught — a methodist edits these files by hand. The node work is
 * the shared {@link YamlReader}'s.
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
        // a part (a text, a step, a command) stops at its first problem; every part is read, so /reload names them all
        List<Problem> problems = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Source> textSources = new LinkedHashMap<>();
        for (DialogFile file : textFiles) {
            YamlReader y = new YamlReader(file.name());
            MappingNode root = DialogFileException.collect(problems,
                    () -> y.mapping(y.compose(file.content()), "a texts file is a list of 'key: text'")).orElse(null);
            for (NodeTuple t : root == null ? List.<NodeTuple>of() : root.getValue()) {
                DialogFileException.collect(problems, () -> {
                    String key = y.key(t);
                    if (texts.containsKey(key)) {
                        throw y.error(t.getKeyNode(), "the text '" + key + "' is defined twice");
                    }
                    return Map.entry(key, y.scalar(t.getValueNode(), "the text '" + key + "' must be a string"));
                }).ifPresent(text -> {
                    texts.put(text.getKey(), text.getValue());
                    textSources.put(text.getKey(), source(y, t.getKeyNode()));
                });
            }
        }
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (DialogFile file : flowFiles) {
            YamlReader y = new YamlReader(file.name());
            DialogFileException.collect(problems, () -> flow(y, y.compose(file.content()), problems)).ifPresent(flow -> {
                if (flows.containsKey(flow.id())) {
                    problems.add(new Problem(file.name(), flow.source().line(),
                            "the flow '" + flow.id() + "' is already defined in " + flows.get(flow.id()).source().file()));
                } else {
                    flows.put(flow.id(), flow);
                }
            });
        }
        DialogFileException.throwIfAny(problems);
        return new Dialogs(Map.copyOf(flows), Map.copyOf(texts), Map.copyOf(textSources), version(flowFiles, textFiles));
    }

    /** A flow; a broken step or command is added to {@code problems} and the rest is still read. */
    private Flow flow(YamlReader y, Node node, List<Problem> problems) {
        MappingNode root = y.mapping(node, "a flow file starts with 'flow:', 'start:' and 'steps:'");
        Map<String, Node> fields = y.fields(root, FLOW_KEYS, "flow");
        String id = y.required(root, fields, "flow");
        if (!id.matches("[a-z][a-z0-9_-]*")) {
            throw y.error(fields.get("flow"), "a flow name uses lower-case latin letters, digits, '-' and '_': '" + id + "'");
        }
        String start = y.required(root, fields, "start");
        Node stepsNode = fields.get("steps");
        if (stepsNode == null) {
            throw y.error(root, "the flow '" + id + "' has no 'steps:'");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (NodeTuple t : y.mapping(stepsNode, "'steps:' is a list of named steps").getValue()) {
            DialogFileException.collect(problems, () -> {
                String stepId = y.key(t);
                if (!stepId.matches("[a-z][a-z0-9_-]*")) {
                    throw y.error(t.getKeyNode(), "a step name uses lower-case latin letters, digits, '-' and '_': '" + stepId + "'");
                }
                if (stepId.equals(DialogModel.END)) {
                    throw y.error(t.getKeyNode(), "'" + DialogModel.END + "' is not a step name: 'next: end' leaves the flow");
                }
                if (steps.containsKey(stepId)) {
                    throw y.error(t.getKeyNode(), "the step '" + stepId + "' is defined twice");
                }
                return step(y, stepId, t.getValueNode());
            }).ifPresent(step -> steps.put(step.id(), step));
        }
        boolean staff = fields.containsKey("staff") && y.bool(fields.get("staff"));
        String stale = fields.containsKey("stale") ? y.scalar(fields.get("stale"), "'stale' is a text") : null;
        if (stale != null && !staff) {
            throw y.error(fields.get("stale"), "'stale:' is for staff flows (staff: true); parents get the usual reply");
        }
        String closed = fields.containsKey("closed") ? y.scalar(fields.get("closed"), "'closed' is a text") : null;
        if (closed != null && !staff) {
            throw y.error(fields.get("closed"), "'closed:' is for staff flows (staff: true); parents get the usual reply");
        }
        Map<String, Target> commands = new LinkedHashMap<>();
        if (fields.containsKey("commands")) {
            for (NodeTuple t : y.mapping(fields.get("commands"), "'commands:' is a list of 'name: {action: …}'").getValue()) {
                DialogFileException.collect(problems, () -> {
                    String name = y.key(t);
                    if (!name.matches("[a-z0-9_]{1,32}")) {
                        throw y.error(t.getKeyNode(), "a command is written without '/', in latin letters: '" + name + "'");
                    }
                    MappingNode m = y.mapping(t.getValueNode(), "a command leads somewhere: '{action: …, next: …}'");
                    return Map.entry(name, target(y, m, y.fields(m, TARGET_KEYS, "command"), true));
                }).ifPresent(command -> commands.put(command.getKey(), command.getValue()));
            }
        }
        return new Flow(id, start, steps, source(y, root), staff, stale, commands, closed);
    }

    private Step step(YamlReader y, String id, Node node) {
        MappingNode m = y.mapping(node, "the step '" + id + "' must be a set of 'key: value'");
        Map<String, Node> f = y.fields(m, STEP_KEYS, "step");
        String text = f.containsKey("text") ? y.scalar(f.get("text"), "'text' must be a string") : null;
        if (text == null) {
            throw y.error(m, "the step '" + id + "' has no 'text:'");
        }
        List<List<ButtonDef>> rows = new ArrayList<>();
        if (f.containsKey("buttons")) {
            Node buttons = f.get("buttons");
            if (!(buttons instanceof SequenceNode seq)) {
                throw y.error(buttons, "'buttons:' is a list: one '- {label: …}' per line, or '- [ {…}, {…} ]' for a row");
            }
            for (Node item : seq.getValue()) {
                if (item instanceof SequenceNode row) {
                    List<ButtonDef> buttonsOfRow = new ArrayList<>();
                    for (Node b : row.getValue()) {
                        buttonsOfRow.add(button(y, b));
                    }
                    rows.add(buttonsOfRow);
                } else {
                    rows.add(List.of(button(y, item)));
                }
            }
        }
        InputDef input = f.containsKey("input") ? input(y, f.get("input")) : null;
        String provider = f.containsKey("provider") ? y.scalar(f.get("provider"), "'provider' is a name") : null;
        Target choice = f.containsKey("choice") ? target(y, y.mapping(f.get("choice"), "'choice:' is a target"),
                y.fields((MappingNode) f.get("choice"), TARGET_KEYS, "choice"), true) : null;
        boolean back = f.containsKey("back") && y.bool(f.get("back"));
        boolean entry = f.containsKey("entry") && y.bool(f.get("entry"));
        return new Step(id, text, rows, input, provider, back, source(y, m)).withChoice(choice).asEntry(entry);
    }

    private ButtonDef button(YamlReader y, Node node) {
        MappingNode m = y.mapping(node, "a button is '{label: \"…\", go: step}'");
        Map<String, Node> f = y.fields(m, BUTTON_KEYS, "button");
        String label = y.required(m, f, "label");
        return new ButtonDef(label, target(y, m, f, true), source(y, m));
    }

    private InputDef input(YamlReader y, Node node) {
        MappingNode m = y.mapping(node, "'input:' is a set of 'key: value'");
        Map<String, Node> f = y.fields(m, INPUT_KEYS, "input");
        String type = f.containsKey("type") ? y.scalar(f.get("type"), "'type' is text, number or contact") : "text";
        if (!INPUT_TYPES.contains(type)) {
            throw y.error(f.get("type"), "unknown input type '" + type + "': use text, number, contact or message");
        }
        if (f.containsKey("caption-retry") && !type.equals("message")) {
            throw y.error(f.get("caption-retry"), "'caption-retry' is for 'type: message'");
        }
        return new InputDef(type,
                f.containsKey("save") ? y.scalar(f.get("save"), "'save' is a variable name") : null,
                y.integer(f.get("min")), y.integer(f.get("max")), y.integer(f.get("max-length")),
                target(y, m, f, false),
                f.containsKey("retry") ? y.scalar(f.get("retry"), "'retry' is a text") : null,
                source(y, m),
                f.containsKey("caption-retry") ? y.scalar(f.get("caption-retry"), "'caption-retry' is a text") : null);
    }

    private Target target(YamlReader y, MappingNode m, Map<String, Node> f, boolean required) {
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("go", "flow", "action", "url", "back")) {
            if (f.containsKey(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() > 1) {
            throw y.error(m, "use only one of go / flow / action / url / back here, not " + String.join(" and ", kinds));
        }
        Map<String, String> on = f.containsKey("on") ? y.stringMap(f.get("on")) : Map.of();
        Map<String, String> set = f.containsKey("set") ? y.stringMap(f.get("set")) : Map.of();
        String next = f.containsKey("next") ? y.scalar(f.get("next"), "'next' is a step name") : null;
        String arg = f.containsKey("arg") ? y.scalar(f.get("arg"), "'arg' is a value") : null;
        if (kinds.isEmpty()) {
            if (next != null) {
                return new Target(Target.Kind.GO, next, null, null, null, set);
            }
            if (required) {
                throw y.error(m, "say where this leads: go: <step>, flow: <flow>, action: <name>, url: <address> or back: true");
            }
            return null;
        }
        String kind = kinds.get(0);
        String ref = kind.equals("back") ? null : y.scalar(f.get(kind), "'" + kind + "' needs a value");
        return switch (kind) {
            case "go" -> new Target(Target.Kind.GO, ref, arg, next, on, set);
            case "flow" -> new Target(Target.Kind.FLOW, ref, arg, next, on, set);
            case "action" -> new Target(Target.Kind.ACTION, ref, arg, next, on, set);
            case "url" -> new Target(Target.Kind.URL, ref, arg, next, on, set);
            default -> new Target(Target.Kind.BACK, null, arg, next, on, set);
        };
    }

    static Source source(YamlReader y, Node node) {
        return new Source(y.file(), YamlReader.line(node));
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
