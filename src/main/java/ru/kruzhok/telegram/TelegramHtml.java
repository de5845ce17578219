package ru.kruzhok.telegram;

import java.util.ArrayList;
import java.util.List;

import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Markup.Span;

/**
 * Renders the bot's markup as Telegram HTML (parse_mode=HTML), escaping everything else, and
 * splits long texts into messages Telegram accepts (4,096 characters of visible text each),
 * cutting at a paragraph, line or word boundary and never inside a tag.
 */
final class TelegramHtml {

    static final int MESSAGE_LIMIT = 4096;
    static final int CAPTION_LIMIT = 1024;

    private TelegramHtml() {
    }

    static String escape(String s) {
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
    static List<String> render(String markup, int limit) {
        List<String> messages = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        int visible = 0;
        for (Span span : Markup.parse(markup)) {
            String rest = span.text();
            while (!rest.isEmpty()) {
                int room = limit - visible;
                if (rest.length() <= room) {
                    html.append(wrap(span, rest));
                    visible += rest.length();
                    break;
                }
                int cut = room > 0 ? cutPoint(rest, room) : 0;
                if (cut > 0) {
                    html.append(wrap(span, rest.substring(0, cut)));
                }
                messages.add(html.toString().strip());
                html.setLength(0);
                visible = 0;
                rest = rest.substring(cut).stripLeading();
            }
        }
        if (!html.toString().isBlank()) {
            messages.add(html.toString().strip());
        }
        if (messages.isEmpty()) {
            messages.add("");
        }
        return messages;
    }

    private static String wrap(Span span, String text) {
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
