package ru.kruzhok.faq;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

import ru.kruzhok.staff.QuestionFigures;

/**
 * When МОЦ staff answer: the working days and hours from {@link DeskProperties}, read in a
 * municipality's time zone. Reminders count only working time, so a question asked on Friday
 * evening is not "late" on Monday morning.
 */
final class WorkingHours {

    private static final Locale RU = Locale.forLanguageTag("ru");
    /** Nobody needs more: a question older than this is simply very late. */
    private static final int MAX_DAYS = 400;

    private final Set<DayOfWeek> days;
    private final LocalTime from;
    private final LocalTime to;

    WorkingHours(DeskProperties.WorkingHoursSettings settings) {
        this.days = Set.copyOf(settings.days());
        this.from = settings.from();
        this.to = settings.to();
    }

    boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /** The start of the next working period after {@code at} ({@code at} itself when open). */
    ZonedDateTime nextOpening(Instant at, ZoneId zone) {
        if (isOpen(at, zone)) {
            return at.atZone(zone);
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (days.contains(date.getDayOfWeek()) && local.toLocalTime().isBefore(from)) {
            return date.atTime(from).atZone(zone);
        }
        for (int i = 1; i <= 7; i++) {
            LocalDate next = date.plusDays(i);
            if (days.contains(next.getDayOfWeek())) {
                return next.atTime(from).atZone(zone);
            }
        }
        throw new IllegalStateException("no working day in a week");
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    Duration workingTimeBetween(Instant start, Instant end, ZoneId zone) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = start.atZone(zone).toLocalDate();
        LocalDate last = end.atZone(zone).toLocalDate();
        for (int i = 0; !day.isAfter(last) && i < MAX_DAYS; day = day.plusDays(1), i++) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = day.atTime(from).atZone(zone).toInstant();
            Instant close = day.atTime(to).atZone(zone).toInstant();
            Instant a = start.isAfter(open) ? start : open;
            Instant b = end.isBefore(close) ? end : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** «сегодня с 09:00», «завтра с 09:00», «в понедельник, 7 декабря, с 09:00» — for a parent. */
    String whenAnswered(Instant now, ZoneId zone) {
        ZonedDateTime opening = nextOpening(now, zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = String.format(RU, "%02d:%02d", opening.getHour(), opening.getMinute());
        if (opening.toLocalDate().equals(today)) {
            return "сегодня с " + time;
        }
        if (opening.toLocalDate().equals(today.plusDays(1))) {
            return "завтра с " + time;
        }
        String weekday = opening.getDayOfWeek().getDisplayName(TextStyle.FULL, RU);
        String preposition = opening.getDayOfWeek() == DayOfWeek.TUESDAY ? "во " : "в ";
        String accusative = switch (opening.getDayOfWeek()) {
            case WEDNESDAY -> "среду";
            case FRIDAY -> "пятницу";
            case SATURDAY -> "субботу";
            default -> weekday;
        };
        return preposition + accusative + " с " + time;
    }

    /** «2 ч 15 мин», «3 дн 4 ч» — how long something waits, for staff. */
    static String age(Duration d) {
        return QuestionFigures.ResponseTimes.age(d);
    }
}
