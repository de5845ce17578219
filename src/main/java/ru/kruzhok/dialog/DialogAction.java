package ru.kruzhok.dialog;

/**
 * Something a button or an input does, implemented by a feature and named in {@code dialogs/}
 * ({@code action: parent.consent}). It returns an outcome name that the flow maps to a step with
 * {@code on: {outcome: step}}, or null for the flow's {@code next}. The outcome {@value #RETRY}
 * shows the input's retry text and stays on the step; {@value #STAY} stays on the step as it is on
 * screen, after the action has said why ({@link DialogContext#say}); {@value #END} leaves the flow.
 */
public interface DialogAction {

    String RETRY = "retry";
    String STAY = "stay";
    /** Leaves the flow as {@code next: end} does, whatever the flow says (a draft that has expired). */
    String END = "end";

    /** The name used in the YAML, "feature.verb". */
    String name();

    String run(DialogContext context, String arg);
}
