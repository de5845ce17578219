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
 * @param under          while a staff flow runs: the screen it was opened over, given back when the flow
 *                       ends (staff switch to /broadcast from a parent's menu and find that menu working
 *                       afterwards, as before the composer was a flow); null otherwise
 * @param drawnAs        the window number the current buttons carry when it is not {@code window}: a
 *                       screen given back after a staff flow keeps its old buttons, while the counter
 *                       stays past the staff flow's windows so none of its buttons can match again
 */
record ConversationState(String flow, String step, long window, Map<String, String> vars, List<String> history,
                         List<Target> targets, String dialogsVersion, Screen under, Long drawnAs) {

    /** A screen a staff flow was opened over: enough to make its buttons work again. */
    record Screen(String flow, String step, long window, List<String> history, List<Target> targets,
                  String dialogsVersion) {
        Screen {
            history = history == null ? List.of() : List.copyOf(history);
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    ConversationState {
        vars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vars);
        history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    ConversationState(String flow, String step, long window, Map<String, String> vars, List<String> history,
                      List<Target> targets, String dialogsVersion) {
        this(flow, step, window, vars, history, targets, dialogsVersion, null, null);
    }

    static ConversationState fresh() {
        return new ConversationState(null, null, 0, null, null, null, null);
    }

    String qualifiedStep() {
        return flow == null ? null : flow + "." + step;
    }

    /** The window the buttons on screen were drawn in. */
    long liveWindow() {
        return drawnAs != null ? drawnAs : window;
    }

    /** This screen, to be given back when a staff flow opened over it ends. */
    Screen screen() {
        return new Screen(flow, step, liveWindow(), history, targets, dialogsVersion);
    }

    ConversationState copy() {
        return new ConversationState(flow, step, window, vars, history, targets, dialogsVersion, under, drawnAs);
    }
}
