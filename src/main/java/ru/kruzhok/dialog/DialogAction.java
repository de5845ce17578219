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

    /** An action from its name and what it does: a feature's bean that binds a name to one of its methods. */
    static DialogAction of(String name, java.util.function.BiFunction<DialogContext, String, String> body) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(body, "body");
        return new DialogAction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(DialogContext context, String arg) {
                return body.apply(context, arg);
            }
        };
    }
}
