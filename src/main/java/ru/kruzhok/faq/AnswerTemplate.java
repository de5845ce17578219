package ru.kruzhok.faq;

import java.util.Map;
import java.util.Set;

import ru.kruzhok.dialog.TextTemplates;
import ru.kruzhok.municipality.MunicipalPlaceholders;

/**
 * Fills the {@code {placeholders}} of an answer with the parent's municipality's values: the same
 * placeholders, spelling and filling rule as every other bot text ({@link TextTemplates}), so a
 * sentence whose value is unknown for this parent is left out rather than shown half empty.
 */
final class AnswerTemplate {

    /** Every placeholder an answer may use; the loader rejects any other. */
    static final Set<String> PLACEHOLDERS = MunicipalPlaceholders.NAMES;

    private AnswerTemplate() {
    }

    /** The placeholder names used in a template, in order of appearance. */
    static Set<String> placeholders(String template) {
        return TextTemplates.placeholders(template);
    }

    /** Replaces every placeholder with its value; values are already markup-safe. */
    static String fill(String template, Map<String, String> values) {
        return TextTemplates.fill(template, values::get).strip();
    }
}
