package ru.kruzhok.telegram;

import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Markup.Span;
import ru.kruzhok.channel.Markup.Style;

/**
 * Turns the formatting of a Telegram message (its entities) into the bot's light markup, so a
 * staff member's bold, italic and links survive into an announcement. Everything else (underline,
 * code, spoilers, mentions) becomes plain text; the text itself is always escaped, so nothing a
 * person typed is ever read as markup.
 */
final class TelegramEntities {

    private TelegramEntities() {
    }

    /** The markup of {@code text} with {@code entities} (offsets in UTF-16 units, as Java strings count). */
    static String toMarkup(String text, List<MessageEntity> entities) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        Style[] styles = new Style[n];
        String[] urls = new String[n];
        java.util.Arrays.fill(styles, Style.PLAIN);
        if (entities != null) {
            for (MessageEntity e : entities) {
                Style style = styleOf(e);
                if (style == null || e.getOffset() == null || e.getLength() == null) {
                    continue;
                }
                int from = Math.max(0, e.getOffset());
                int to = Math.min(n, e.getOffset() + e.getLength());
                for (int i = from; i < to; i++) {
                    // the markup cannot nest: a link wins over bold, bold over italic
                    if (rank(style) > rank(styles[i])) {
                        styles[i] = style;
                        urls[i] = style == Style.LINK ? e.getUrl() : null;
                    }
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || styles[i] != styles[start] || !java.util.Objects.equals(urls[i], urls[start])) {
                spans.add(new Span(styles[start], text.substring(start, i), urls[start]));
                start = i;
            }
        }
        return Markup.fromSpans(spans).strip();
    }

    private static Style styleOf(MessageEntity e) {
        return switch (e.getType() == null ? "" : e.getType()) {
            case "bold" -> Style.BOLD;
            case "italic" -> Style.ITALIC;
            case "text_link" -> e.getUrl() == null ? null : Style.LINK;
            default -> null;
        };
    }

    private static int rank(Style style) {
        return switch (style) {
            case PLAIN -> 0;
            case ITALIC -> 1;
            case BOLD -> 2;
            case LINK -> 3;
        };
    }
}
