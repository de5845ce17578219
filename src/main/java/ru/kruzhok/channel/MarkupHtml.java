package ru.kruzhok.channel;

import java.util.ArrayList;
import java.util.List;

import ru.kruzhok.channel.Markup.Span;

/**
 * Renders the bot's markup for messengers, splitting long texts into messages the platform accepts
 * ({@code limit} characters of visible text each), cut at a paragraph, line or word boundary and
 * never inside a tag. {@link #render} gives the HTML subset Telegram and MAX both read
 * ({@code <b>}, {@code <i>}, {@code <a href>}), escaping everything else; {@link #split} takes the
 * platform's own way of writing a span (VK: plain text with the link's address after it).
 */
public final class MarkupHtml {

    /** How a platform writes one piece of a span. */
    @FunctionalInterface
    public interface SpanFormat {
        String format(Span span, String text);
    }

    private MarkupHtml() {
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The markup as one or more HTML messages, each at most {@code limit} visible characters. */
    public static List<String> render(String markup, int limit) {
        return split(markup, limit, MarkupHtml::html);
    }

    /** The markup as one or more messages in the platform's {@code format}, each at most {@code limit} visible characters. */
    public static List<String> split(String markup, int limit, SpanFormat format) {
        List<String> messages = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int visible = 0;
        for (Span span : Markup.parse(markup)) {
            String rest = span.text();
            while (!rest.isEmpty()) {
                int room = limit - visible;
                if (rest.length() <= room) {
                    out.append(format.format(span, rest));
                    visible += rest.length();
                    break;
                }
                int cut = room > 0 ? cutPoint(rest, room) : 0;
                if (cut > 0) {
                    out.append(format.format(span, rest.substring(0, cut)));
                }
                messages.add(out.toString().strip());
                out.setLength(0);
                visible = 0;
                rest = rest.substring(cut).stripLeading();
            }
        }
        if (!out.toString().isBlank()) {
            messages.add(out.toString().strip());
        }
        if (messages.isEmpty()) {
            messages.add("");
        }
        return messages;
    }

    private static String html(Span span, String text) {
        String escaped = escape(text);
        return switch (span.style()) {
            case PLAIN -> escaped;
            case BOLD -> "<b>" + escaped + "</b>";
            case ITALIC -> "<i>" + escaped + "</i>";
            case LINK -> "<a href=\"" + escape(span.url()) + "\">" + escaped + "</a>";
        };
    }

    /** Where to cut so the first part fits in {@code room}: a blank line, a line end, a space, or hard. */
    private static int cutPoint(String text, int room) {
        String head = text.substring(0, room);
        for (String boundary : new String[] {"\n\n", "\n", " "}) {
            int at = head.lastIndexOf(boundary);
            if (at > room / 2) {
                return at + boundary.length();
            }
        }
        // never split a surrogate pair (an emoji) in two
        return Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
    }
}
