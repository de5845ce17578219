package ru.kruzhok.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * The bot's light markup, shared by all channels: {@code **bold**}, {@code __italic__},
 * {@code [label](url)} and backslash escapes. It is small on purpose: staff write it in
 * {@code dialogs/} by hand, and every channel can render it safely.
 *
 * <p>Hand-written because no library parses exactly this subset into spans without also accepting
 * raw HTML, which is what we must never pass through from a parent's text.
 */
public final class Markup {

    public enum Style { PLAIN, BOLD, ITALIC, LINK }

    /** A run of text in one style; {@code url} is set for links only. */
    public record Span(Style style, String text, String url) {
        public static Span plain(String text) {
            return new Span(Style.PLAIN, text, null);
        }
    }

    private Markup() {
    }

    /** Makes arbitrary text (a parent's message, a program title) safe to embed into markup. */
    public static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Parses markup into spans; unbalanced markers are kept as literal text. */
    public static List<Span> parse(String markup) {
        List<Span> spans = new ArrayList<>();
        if (markup == null || markup.isEmpty()) {
            return spans;
        }
        StringBuilder plain = new StringBuilder();
        int i = 0;
        int n = markup.length();
        while (i < n) {
            char c = markup.charAt(i);
            if (c == '\\' && i + 1 < n) {
                plain.append(markup.charAt(i + 1));
                i += 2;
                continue;
            }
            if ((c == '*' || c == '_') && i + 1 < n && markup.charAt(i + 1) == c) {
                String marker = c == '*' ? "**" : "__";
                int end = findUnescaped(markup, marker, i + 2);
                if (end > i + 2) {
                    flush(plain, spans);
                    spans.add(new Span(c == '*' ? Style.BOLD : Style.ITALIC, unescape(markup.substring(i + 2, end)), null));
                    i = end + 2;
                    continue;
                }
            }
            if (c == '[') {
                int close = findUnescaped(markup, "](", i + 1);
                int paren = close < 0 ? -1 : markup.indexOf(')', close + 2);
                if (close > i + 1 && paren > close + 2) {
                    String url = markup.substring(close + 2, paren).strip();
                    if (isSafeUrl(url)) {
                        flush(plain, spans);
                        spans.add(new Span(Style.LINK, unescape(markup.substring(i + 1, close)), url));
                        i = paren + 1;
                        continue;
                    }
                }
            }
            plain.append(c);
            i++;
        }
        flush(plain, spans);
        return spans;
    }

    /**
     * Writes styled runs (a staff member's formatted message, as a channel reports it) as markup:
     * the inverse of {@link #parse}. Text is escaped; a link whose address is not safe, or whose
     * label is blank, stays plain text. Blank styled runs stay plain, since {@code ****} is no markup.
     */
    public static String fromSpans(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            String text = span.text() == null ? "" : span.text();
            if (text.isEmpty()) {
                continue;
            }
            String url = span.url() == null ? null : span.url().strip().replace(" ", "%20").replace(")", "%29");
            boolean blank = text.isBlank();
            switch (span.style()) {
                case BOLD -> out.append(blank ? escape(text) : "**" + escape(text) + "**");
                case ITALIC -> out.append(blank ? escape(text) : "__" + escape(text) + "__");
                case LINK -> out.append(blank || url == null || !isSafeUrl(url) ? escape(text)
                        : "[" + escape(text) + "](" + url + ")");
                default -> out.append(escape(text));
            }
        }
        return out.toString();
    }

    /** The text a person sees, without any markup. */
    public static String plainText(String markup) {
        StringBuilder sb = new StringBuilder();
        for (Span s : parse(markup)) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    static boolean isSafeUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("tg://")
                || lower.startsWith("mailto:") || lower.startsWith("tel:")) && !url.contains(" ");
    }

    private static int findUnescaped(String s, String marker, int from) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (s.startsWith(marker, i)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void flush(StringBuilder plain, List<Span> spans) {
        if (!plain.isEmpty()) {
            spans.add(Span.plain(plain.toString()));
            plain.setLength(0);
        }
    }
}
