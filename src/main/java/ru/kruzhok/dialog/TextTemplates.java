package ru.kruzhok.dialog;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {placeholders} in a text; an unknown placeholder becomes an empty string rather than a raw brace. */
final class TextTemplates {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_.-]*)}");

    private TextTemplates() {
    }

    static String fill(String template, Function<String, String> lookup) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = lookup.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
