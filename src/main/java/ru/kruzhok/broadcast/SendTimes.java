package ru.kruzhok.broadcast;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date and time staff type for a scheduled announcement: {@code 25.11 18:00} or
 * {@code 25.11.2026 18:00} (also {@code 25.11.26}, {@code 18.00}), in the municipality's time zone.
 * A date without a year is this year's, or next year's when this year's was more than a month ago
 * ({@code 10.01} typed in December); anything else in the past is refused.
 */
final class SendTimes {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{2}|\\d{4}))?\\s*(?:г\\.?)?\\s*(?:в\\s+)?(\\d{1,2})[:.](\\d{2})");

    /** The outcome: a moment, or why there is none. */
    record Parsed(Instant at, boolean past) {
        boolean ok() {
            return at != null && !past;
        }
    }

    private SendTimes() {
    }

    /** Null when the text is not a date and time. */
    static Parsed parse(String text, ZoneId zone, Instant now) {
        Matcher m = DATE_TIME.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        ZonedDateTime today = now.atZone(zone);
        try {
            if (m.group(3) != null) {
                int year = Integer.parseInt(m.group(3));
                year = year < 100 ? 2000 + year : year;
                Instant at = LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
                return new Parsed(at, !at.isAfter(now));
            }
            Instant at = LocalDateTime.of(today.getYear(), month, day, hour, minute).atZone(zone).toInstant();
            if (at.isBefore(now.minus(Duration.ofDays(31)))) {
                at = LocalDateTime.of(today.getYear() + 1, month, day, hour, minute).atZone(zone).toInstant();
            }
            return new Parsed(at, !at.isAfter(now));
        } catch (DateTimeException e) {
            return null; // 31.02, 25:00
        }
    }
}
