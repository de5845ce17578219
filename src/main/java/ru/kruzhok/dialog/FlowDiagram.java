package ru.kruzhok.dialog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ru.kruzhok.dialog.DialogModel.ButtonDef;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.DialogModel.Flow;
import ru.kruzhok.dialog.DialogModel.Step;

/**
 * Draws every flow's transitions as a Mermaid diagram (GitHub renders it), so the documentation is
 * generated from dialogs/ and cannot drift from it.
 */
final class FlowDiagram {

    private FlowDiagram() {
    }

    static String markdown(Dialogs dialogs) {
        StringBuilder md = new StringBuilder();
        md.append("# Dialog flows\n\n")
                .append("Generated from `dialogs/*.yaml` and `dialogs/staff/*.yaml` by `FlowDiagramTest`; do not edit by hand.\n")
                .append("Arrows are labelled with the button (or «ввод» for typed input, «выбор» for provider choices,\n")
                .append("`/command` for a command the flow answers); «конец» leaves the flow. Staff flows are marked (staff).\n");
        for (Flow flow : dialogs.flows().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            md.append("\n## ").append(flow.id()).append(flow.staff() ? " (staff)" : "").append(" (`")
                    .append(flow.source().file()).append("`)\n\n");
            md.append("```mermaid\nflowchart TD\n");
            md.append("  start((start)) --> ").append(node(flow.id(), flow.start())).append('\n');
            Set<String> lines = new LinkedHashSet<>();
            for (Step step : flow.steps().values()) {
                lines.add("  " + node(flow.id(), step.id()) + "[\"" + step.id() + "\"]");
                for (List<ButtonDef> row : step.buttons()) {
                    for (ButtonDef b : row) {
                        edges(flow, step, b.target(), label(b.label()), dialogs, lines);
                    }
                }
                if (step.input() != null) {
                    edges(flow, step, step.input().then(), "ввод", dialogs, lines);
                }
                if (step.choice() != null) {
                    edges(flow, step, step.choice(), "выбор", dialogs, lines);
                }
                if (step.back()) {
                    lines.add("  " + node(flow.id(), step.id()) + " -.->|Назад| back((назад))");
                }
            }
            for (var command : new java.util.TreeMap<>(flow.commands()).entrySet()) {
                edges(flow, null, command.getValue(), "/" + command.getKey(), dialogs, lines);
            }
            lines.forEach(l -> md.append(l).append('\n'));
            md.append("```\n");
        }
        return md.toString();
    }

    private static void edges(Flow flow, Step from, Target t, String label, Dialogs dialogs, Set<String> lines) {
        // a command of the flow works from any of its steps
        String source = from == null ? node(flow.id(), "any") + "((любой шаг))" : node(flow.id(), from.id());
        switch (t.kind()) {
            case GO -> lines.add("  " + source + " -->|" + label + "| " + target(flow, t.ref()));
            case FLOW -> lines.add("  " + source + " -->|" + label + "| " + node(t.ref(), dialogs.flow(t.ref()).start())
                    + "[\"" + t.ref() + "\"]");
            case URL -> lines.add("  " + source + " -.->|" + label + "| url((ссылка))");
            case BACK -> lines.add("  " + source + " -.->|" + label + "| back((назад))");
            case ACTION -> {
                String action = label + " / " + t.ref();
                if (t.next() != null) {
                    lines.add("  " + source + " -->|" + action + "| " + target(flow, t.next()));
                }
                // sorted: Target.on is an unordered Map.copyOf, and the diagram must not change between runs
                new java.util.TreeMap<>(t.on()).forEach((outcome, step) ->
                        lines.add("  " + source + " -->|" + action + ": " + outcome + "| " + target(flow, step)));
                if (t.next() == null && t.on().isEmpty()) {
                    lines.add("  " + source + " -->|" + action + "| " + source);
                }
            }
        }
    }

    private static String target(Flow flow, String ref) {
        if (ref.equals(DialogModel.END)) {
            return node(flow.id(), "end") + "((конец))";
        }
        if (ref.contains(".")) {
            int dot = ref.indexOf('.');
            return node(ref.substring(0, dot), ref.substring(dot + 1)) + "[\"" + ref + "\"]";
        }
        return node(flow.id(), ref);
    }

    private static String node(String flow, String step) {
        return (flow + "_" + step).replace('-', '_');
    }

    private static String label(String text) {
        return text.replace("\"", "'").replace("|", "/");
    }
}
