package ru.kruzhok.dialog;

import java.util.Map;

/**
 * Where a button or an input leads: another step of the same flow, the start of another flow, an
 * action (then the step named by {@code next} or by the action's outcome in {@code on}), a URL,
 * or back to the previous step. {@code set} stores values in the conversation first.
 */
public record Target(Kind kind, String ref, String arg, String next, Map<String, String> on, Map<String, String> set) {

    public enum Kind { GO, FLOW, ACTION, URL, BACK }

    public Target {
        on = on == null ? Map.of() : Map.copyOf(on);
        set = set == null ? Map.of() : Map.copyOf(set);
    }

    public static Target go(String step) {
        return new Target(Kind.GO, step, null, null, null, null);
    }

    public static Target flow(String flow) {
        return new Target(Kind.FLOW, flow, null, null, null, null);
    }

    public static Target action(String action, String arg, String next) {
        return new Target(Kind.ACTION, action, arg, next, null, null);
    }

    public Target withSet(Map<String, String> values) {
        return new Target(kind, ref, arg, next, on, values);
    }
}
