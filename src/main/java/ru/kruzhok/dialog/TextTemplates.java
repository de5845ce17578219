package ru.kruzhok.dialog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way {placeholders} are written and filled, in bot texts, flows and FAQ answers alike.
 * A placeholder whose value is empty (unknown for this parent: a МОЦ's hours before they chose their
 * district) takes its whole sentence with it, so a parent never reads «Специалисты работают: .».
 * A sentence ends at '.', '!', '?' or '…' followed by a space, or at the end of a line.
 */
public final class TextTemplates {

    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_.-]*)}");
    private static final Pattern SENTENCE = Pattern.compile("(?:[^.!?…]|[.!?…](?![.!?…]*(?:\\s|$)))*[.!?…]*\\s*");

    private TextTemplates() {
    }

    /**
     * Fills every placeholder with its value as given, an empty one included, and keeps every
     * sentence: for texts that Java assembles from optional parts (« · уведомления выключены: 3»).
     * A name the lookup does not know (null) stays as written.
     */
    public static String fillExactly(String template, Function<String, String> lookup) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String value = lookup.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names a template uses, in order of appearance. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Fills every placeholder; a sentence holding one whose value is empty is left out. A name the
     * lookup does not know (null) stays as written, braces and all: the validators refuse such names
     * at load, so this only shows in a test.
     */
    public static String fill(String template, Function<String, String> lookup) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        List<String> kept = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            String filled = fillLine(line, lookup);
            if (filled != null) {
                kept.add(filled);
            }
        }
        return String.join("\n", kept);
    }

    /** The line filled, or null when every sentence in it had an empty value. */
    private static String fillLine(String line, Function<String, String> lookup) {
        if (line.indexOf('{') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 32);
        boolean anyKept = false;
        boolean anyDropped = false;
        Matcher sentences = SENTENCE.matcher(line);
        while (sentences.find()) {
            String sentence = sentences.group();
            if (sentence.isEmpty()) {
                if (sentences.end() >= line.length()) {
                    break;
                }
                continue;
            }
            String filled = fillSentence(sentence, lookup);
            if (filled == null) {
                anyDropped = true;
            } else {
                out.append(filled);
                anyKept = true;
            }
        }
        if (anyDropped && !anyKept) {
            return null;
        }
        return anyDropped ? out.toString().stripTrailing() : out.toString();
    }

    private static String fillSentence(String sentence, Function<String, String> lookup) {
        Matcher m = PLACEHOLDER.matcher(sentence);
        StringBuilder out = new StringBuilder(sentence.length() + 32);
        while (m.find()) {
            String value = lookup.apply(m.group(1));
            if (value != null && value.isBlank()) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
