package ru.kruzhok.dialog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.kruzhok.dialog.DialogModel.ButtonDef;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.DialogModel.Flow;
import ru.kruzhok.dialog.DialogModel.Source;
import ru.kruzhok.dialog.DialogModel.Step;

/**
 * Checks loaded dialogs before they are used: every step, flow, text, action and provider named
 * exists; every step can be reached; button labels fit on a phone; values carried by buttons fit
 * the smallest payload a messenger allows. The first problem stops start-up (or a reload).
 */
final class FlowValidator {

    /** Labels longer than this are cut on a phone screen. */
    static final int MAX_LABEL = 40;
    /** Telegram's callback data limit; values a button carries must fit it on any channel. */
    static final int MAX_PAYLOAD_BYTES = 64;
    /** Steps the engine itself enters: the main menu's start and help, the onboarding's start. */
    static final List<String> ENGINE_ENTRIES = List.of("main.help");

    private final Set<String> actions;
    private final Set<String> providers;

    FlowValidator(Set<String> actions, Set<String> providers) {
        this.actions = actions;
        this.providers = providers;
    }

    void validate(Dialogs dialogs) {
        if (dialogs.flow("main") == null) {
            throw new DialogFileException("dialogs", 1, "there is no flow named 'main' (the main menu)");
        }
        Set<String> reachable = new HashSet<>();
        for (Flow flow : dialogs.flows().values()) {
            if (flow.step(flow.start()) == null) {
                throw new DialogFileException(flow.source().file(), flow.source().line(),
                        "the flow '" + flow.id() + "' starts at '" + flow.start() + "', but there is no such step");
            }
            for (Step step : flow.steps().values()) {
                checkStep(dialogs, flow, step);
            }
            if (flow.stale() != null) {
                checkText(dialogs, flow.stale(), flow.source());
            }
            if (flow.closed() != null) {
                checkText(dialogs, flow.closed(), flow.source());
            }
            for (Target command : flow.commands().values()) {
                checkTarget(dialogs, flow, command, flow.source());
            }
        }
        for (Flow flow : dialogs.flows().values()) {
            walk(dialogs, flow.id() + "." + flow.start(), reachable);
            for (Target command : flow.commands().values()) {
                Deque<String> todo = new ArrayDeque<>();
                follow(dialogs, flow, command, todo);
                todo.forEach(s -> walk(dialogs, s, reachable));
            }
            for (Step step : flow.steps().values()) {
                if (step.entry()) {
                    walk(dialogs, flow.id() + "." + step.id(), reachable);
                }
            }
        }
        for (String entry : ENGINE_ENTRIES) {
            if (resolves(dialogs, entry)) {
                walk(dialogs, entry, reachable);
            }
        }
        for (Flow flow : dialogs.flows().values()) {
            for (Step step : flow.steps().values()) {
                if (!reachable.contains(flow.id() + "." + step.id())) {
                    throw new DialogFileException(step.source().file(), step.source().line(),
                            "the step '" + step.id() + "' cannot be reached: no button, input or action leads to it");
                }
            }
        }
    }

    private void checkStep(Dialogs dialogs, Flow flow, Step step) {
        checkText(dialogs, step.text(), step.source());
        if (step.provider() != null && !providers.contains(step.provider())) {
            throw new DialogFileException(step.source().file(), step.source().line(),
                    "unknown provider '" + step.provider() + "'; known: " + sorted(providers));
        }
        if (step.choice() != null && step.provider() == null) {
            throw new DialogFileException(step.source().file(), step.source().line(),
                    "'choice:' needs a 'provider:' that supplies the choices");
        }
        for (List<ButtonDef> row : step.buttons()) {
            for (ButtonDef b : row) {
                if (b.label().isBlank()) {
                    throw new DialogFileException(b.source().file(), b.source().line(), "a button has an empty label");
                }
                if (b.label().codePointCount(0, b.label().length()) > MAX_LABEL) {
                    throw new DialogFileException(b.source().file(), b.source().line(), "the button label '" + b.label()
                            + "' is longer than " + MAX_LABEL + " characters and will be cut on a phone");
                }
                checkTarget(dialogs, flow, b.target(), b.source());
            }
        }
        if (step.input() != null) {
            if (step.input().then() == null) {
                throw new DialogFileException(step.input().source().file(), step.input().source().line(),
                        "an input must say where it leads: next: <step> or action: <name>");
            }
            checkTarget(dialogs, flow, step.input().then(), step.input().source());
            if (step.input().captionRetry() != null) {
                checkText(dialogs, step.input().captionRetry(), step.input().source());
            }
            if (step.input().retry() != null) {
                checkText(dialogs, step.input().retry(), step.input().source());
            }
        }
        if (step.choice() != null) {
            checkTarget(dialogs, flow, step.choice(), step.source());
        }
    }

    private void checkTarget(Dialogs dialogs, Flow flow, Target t, Source source) {
        switch (t.kind()) {
            case GO -> checkStepRef(dialogs, flow, t.ref(), source);
            case FLOW -> {
                if (dialogs.flow(t.ref()) == null) {
                    throw new DialogFileException(source.file(), source.line(), "unknown flow '" + t.ref() + "'");
                }
                checkNotIntoStaff(dialogs, flow, t.ref(), source);
            }
            case ACTION -> {
                if (!actions.contains(t.ref())) {
                    throw new DialogFileException(source.file(), source.line(),
                            "unknown action '" + t.ref() + "'; known: " + sorted(actions));
                }
            }
            case URL -> {
                if (!(t.ref().startsWith("https://") || t.ref().startsWith("http://") || t.ref().startsWith("{"))) {
                    throw new DialogFileException(source.file(), source.line(), "a url starts with https://");
                }
            }
            case BACK -> {
                // always valid
            }
        }
        if (t.next() != null) {
            checkStepRef(dialogs, flow, t.next(), source);
        }
        for (Map.Entry<String, String> on : t.on().entrySet()) {
            checkStepRef(dialogs, flow, on.getValue(), source);
        }
        for (Map.Entry<String, String> set : t.set().entrySet()) {
            checkPayload(set.getKey() + "=" + set.getValue(), source);
        }
        if (t.arg() != null) {
            checkPayload(t.ref() + ":" + t.arg(), source);
        }
    }

    private static void checkPayload(String value, Source source) {
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new DialogFileException(source.file(), source.line(), "the value '" + value + "' is over "
                    + MAX_PAYLOAD_BYTES + " bytes, more than a messenger button can carry");
        }
    }

    private static void checkStepRef(Dialogs dialogs, Flow flow, String ref, Source source) {
        if (ref.equals(DialogModel.END)) {
            return; // leaves the flow
        }
        if (!resolves(dialogs, ref.contains(".") ? ref : flow.id() + "." + ref)) {
            throw new DialogFileException(source.file(), source.line(), "unknown step '" + ref + "'");
        }
        if (ref.contains(".")) {
            checkNotIntoStaff(dialogs, flow, ref.substring(0, ref.indexOf('.')), source);
        }
    }

    /** Parents' flows never lead into a staff flow: a parent would find its steps missing. */
    private static void checkNotIntoStaff(Dialogs dialogs, Flow from, String flowId, Source source) {
        Flow to = dialogs.flow(flowId);
        if (!from.staff() && to != null && to.staff()) {
            throw new DialogFileException(source.file(), source.line(), "the flow '" + from.id()
                    + "' is for parents and cannot lead to the staff flow '" + flowId + "'");
        }
    }

    private static void checkText(Dialogs dialogs, String text, Source source) {
        if (looksLikeKey(text) && !dialogs.texts().containsKey(text)) {
            throw new DialogFileException(source.file(), source.line(), "unknown text '" + text
                    + "': add it to dialogs/texts.yaml or write the text itself in quotes");
        }
    }

    /** A single word with dots or underscores and no spaces is a key into the texts file. */
    static boolean looksLikeKey(String text) {
        return text.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_-]+)*");
    }

    private static boolean resolves(Dialogs dialogs, String qualified) {
        int dot = qualified.indexOf('.');
        Flow flow = dialogs.flow(qualified.substring(0, dot));
        return flow != null && flow.step(qualified.substring(dot + 1)) != null;
    }

    private static void walk(Dialogs dialogs, String start, Set<String> reachable) {
        Deque<String> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String qualified = todo.pop();
            if (!reachable.add(qualified)) {
                continue;
            }
            int dot = qualified.indexOf('.');
            Flow flow = dialogs.flow(qualified.substring(0, dot));
            Step step = flow.step(qualified.substring(dot + 1));
            for (List<ButtonDef> row : step.buttons()) {
                for (ButtonDef b : row) {
                    follow(dialogs, flow, b.target(), todo);
                }
            }
            if (step.input() != null) {
                follow(dialogs, flow, step.input().then(), todo);
            }
            if (step.choice() != null) {
                follow(dialogs, flow, step.choice(), todo);
            }
        }
    }

    private static void follow(Dialogs dialogs, Flow flow, Target t, Deque<String> todo) {
        if (t == null) {
            return;
        }
        follow1(dialogs, flow, t, todo);
        todo.removeIf(s -> s.equals(qualify(flow, DialogModel.END)));
    }

    private static void follow1(Dialogs dialogs, Flow flow, Target t, Deque<String> todo) {
        if (t.kind() == Target.Kind.GO) {
            todo.push(qualify(flow, t.ref()));
        } else if (t.kind() == Target.Kind.FLOW) {
            Flow other = dialogs.flow(t.ref());
            todo.push(other.id() + "." + other.start());
        }
        if (t.next() != null) {
            todo.push(qualify(flow, t.next()));
        }
        for (String s : t.on().values()) {
            todo.push(qualify(flow, s));
        }
    }

    static String qualify(Flow flow, String ref) {
        return ref.contains(".") ? ref : flow.id() + "." + ref;
    }

    private static String sorted(Set<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names.stream().sorted().toList());
    }
}
