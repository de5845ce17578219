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
     * @param vars placeholder values, already in the bot's markup (escape what people typed)
     * @param rows choice buttons, row by row
     */
    record Content(Map<String, String> vars, List<List<Choice>> rows) {
        public Content {
            vars = vars == null ? Map.of() : Map.copyOf(vars);
            rows = rows == null ? List.of() : rows.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
        }

        /** Choices laid out {@code perRow} to a row. */
        public Content(Map<String, String> vars, List<Choice> choices, int perRow) {
            this(vars, chunk(choices == null ? List.of() : choices, Math.max(1, perRow)));
        }

        public static Content of(Map<String, String> vars) {
            return new Content(vars, List.of());
        }

        private static List<List<Choice>> chunk(List<Choice> choices, int perRow) {
            List<List<Choice>> rows = new java.util.ArrayList<>();
            for (int i = 0; i < choices.size(); i += perRow) {
                rows.add(choices.subList(i, Math.min(choices.size(), i + perRow)));
            }
            return rows;
        }
    }

    /** A button whose {@code value} reaches the choice target as the variable {@code choice}. */
    record Choice(String label, String value) {
    }
}
