package ru.kruzhok.dialog;

import java.util.List;
import java.util.Map;

/**
 * Fills a step with dynamic content, implemented by a feature and named in {@code dialogs/}
 * ({@code provider: municipality.choices}): values for the step's {placeholders} and choice
 * buttons, which lead where the step's {@code choice:} says.
 */
public interface DialogProvider {

    String name();

    Content provide(DialogContext context);

    /**
     * @param vars    placeholder values, already in the bot's markup (escape what people typed)
     * @param choices buttons, in order
     * @param perRow  how many choice buttons share a row
     */
    record Content(Map<String, String> vars, List<Choice> choices, int perRow) {
        public Content {
            vars = vars == null ? Map.of() : Map.copyOf(vars);
            choices = choices == null ? List.of() : List.copyOf(choices);
            perRow = Math.max(1, perRow);
        }

        public static Content of(Map<String, String> vars) {
            return new Content(vars, List.of(), 1);
        }
    }

    /** A button whose {@code value} reaches the choice target as the variable {@code choice}. */
    record Choice(String label, String value) {
    }
}
