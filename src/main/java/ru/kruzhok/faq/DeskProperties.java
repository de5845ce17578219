package ru.kruzhok.faq;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the support desk (questions for a person), next to the matcher's under {@code kruzhok.faq.*}
 * but bound separately so each part owns its record.
 *
 * @param remindAfter  a question unanswered for this many <em>working</em> hours gets a reminder in its group
 * @param workingHours when staff answer, in each municipality's own time zone; outside them a parent is
 *                     told when to expect the answer
 */
@ConfigurationProperties("kruzhok.faq")
record DeskProperties(@DefaultValue("4h") Duration remindAfter,
                      @DefaultValue WorkingHoursSettings workingHours) {

    /**
     * @param days the working days
     * @param from the start of a working day
     * @param to   its end
     */
    record WorkingHoursSettings(@DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<DayOfWeek> days,
                                @DefaultValue("09:00") LocalTime from,
                                @DefaultValue("18:00") LocalTime to) {
        WorkingHoursSettings {
            if (days == null || days.isEmpty() || !from.isBefore(to)) {
                throw new IllegalStateException("kruzhok.faq.working-hours: need at least one day and from < to, got "
                        + days + " " + from + "-" + to);
            }
            days = List.copyOf(days);
        }
    }

    DeskProperties {
        if (remindAfter == null || remindAfter.isNegative() || remindAfter.isZero()) {
            throw new IllegalStateException("kruzhok.faq.remind-after must be positive, got " + remindAfter);
        }
    }
}
