package ru.kruzhok.dialog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a person is in the dialogs: flow and step, their variables, the steps to go back to, and
 * the "window" — a counter bumped every time a step is shown. Buttons carry the window they were
 * drawn in, so a press on an older message is recognised as stale instead of being misapplied.
 *
 * @param targets        what the buttons of the current window do, by index; never sent to the client
 * @param dialogsVersion the dialogs' version the window was drawn with
 */
record ConversationState(String flow, String step, long window, Map<String, String> vars, List<String> history,
                         List<Target> targets, String dialogsVersion) {

    ConversationState {
        vars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vars);
        history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    static ConversationState fresh() {
        return new ConversationState(null, null, 0, null, null, null, null);
    }

    String qualifiedStep() {
        return flow == null ? null : flow + "." + step;
    }
}
