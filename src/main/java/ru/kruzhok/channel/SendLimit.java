package ru.kruzhok.channel;

import java.time.Duration;

/**
 * A channel's send limits as the platform states them, plus the share of it kept for replies. Each
 * adapter declares its own ({@link Channel#sendLimit()}); bulk senders and the shared send budget
 * read them from there, and a deployment may override them in configuration.
 *
 * @param perSecond the platform's limit for the whole bot (Telegram: 30 messages a second)
 * @param headroom  messages a second bulk sending leaves unused, so replies to people chatting and
 *                  clock jitter never push the bot over the platform's limit
 * @param perChat   the least time between two bulk messages to one chat (Telegram: 1 s); zero for none
 */
public record SendLimit(double perSecond, double headroom, Duration perChat) {

    public SendLimit {
        if (perSecond <= 0 || headroom < 0 || headroom >= perSecond) {
            throw new IllegalArgumentException("a send limit needs perSecond > headroom >= 0");
        }
        perChat = perChat == null ? Duration.ZERO : perChat;
    }

    /** Telegram's documented limits: about 30 messages a second in all, one a second to one chat. */
    public static SendLimit telegram() {
        return new SendLimit(30, 1.3, Duration.ofSeconds(1));
    }

    /**
     * MAX: 30 requests a second for a bot, no per-chat pace documented. The headroom is smaller than
     * Telegram's so bulk sending reaches 97 % of the limit; the fake MAX API's sliding window in the
     * benchmark shows it stays under.
     */
    public static SendLimit max() {
        return new SendLimit(30, 0.6, Duration.ZERO);
    }

    /** A VK community token: 20 API requests a second. */
    public static SendLimit vk() {
        return new SendLimit(20, 0.4, Duration.ZERO);
    }

    /** The web chat only writes rows to our own database. */
    public static SendLimit web() {
        return new SendLimit(1000, 0, Duration.ZERO);
    }

    /** What bulk sending and replies together may use, in messages a second. */
    public double budgetPerSecond() {
        return perSecond - headroom;
    }

    /** A stable name for this configuration, so instances with the same limits share one bucket row. */
    public String fingerprint() {
        return String.format(java.util.Locale.ROOT, "%.3f/%.3f", perSecond, headroom);
    }
}
