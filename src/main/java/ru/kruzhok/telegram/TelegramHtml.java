package ru.kruzhok.telegram;

import java.util.List;

import ru.kruzhok.channel.MarkupHtml;

/**
 * Telegram's parse_mode=HTML: the bot's markup rendered by {@link MarkupHtml} within Telegram's
 * limits (4,096 characters of visible text a message, 1,024 a caption).
 */
final class TelegramHtml {

    static final int MESSAGE_LIMIT = 4096;
    static final int CAPTION_LIMIT = 1024;

    private TelegramHtml() {
    }

    static String escape(String s) {
        return MarkupHtml.escape(s);
    }

    /** The markup as one or more HTML messages, each at most {@code limit} visible characters. */
    static List<String> render(String markup, int limit) {
        return MarkupHtml.render(markup, limit);
    }
}
