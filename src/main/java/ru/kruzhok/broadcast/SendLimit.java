package ru.kruzhok.broadcast;

import java.time.Duration;

/**
 * A channel's send limits as the platform states them, plus the share of it kept for replies.
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

    /** The web chat only writes rows to our own database. */
    public static SendLimit web() {
        return new SendLimit(1000, 0, Duration.ZERO);
    }

    /** What bulk sending and replies together may use, in messages a second. */
    public double budgetPerSecond() {
        return perSecond - headroom;
    }

    /** A stable name for this configuration, so instances with the same limits share one bucket row. */
    String fingerprint() {
        return String.format(java.util.Locale.ROOT, "%.3f/%.3f", perSecond, headroom);
    }
}
