package ru.kruzhok.faq;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code {placeholders}} of an answer with the parent's municipality's values. Hand-written
 * because it is one regular expression; a template engine would bring its own syntax staff must learn.
 */
final class AnswerTemplate {

    /** Every placeholder an answer may use; the loader rejects any other. */
    static final Set<String> PLACEHOLDERS = Set.of(
            "certificate.value", "certificate.period", "certificate.ageFrom", "certificate.ageTo",
            "navigator.url", "moc.name", "moc.address", "moc.email", "moc.phones", "moc.hours");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)}");

    private AnswerTemplate() {
    }

    /** The placeholder names used in a template, in order of appearance. */
    static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Replaces every known placeholder with its value; values are already markup-safe. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }
}
