package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.kruzhok.staff.QuestionFigures;

class WorkingHoursTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private final WorkingHours hours = new WorkingHours(new DeskProperties.WorkingHoursSettings(
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), LocalTime.of(18, 0)));

    @Test
    void aQuestionAskedFridayEveningHasWaitedOneWorkingHourByMondayTen() {
        Instant friday = Instant.parse("2026-12-04T16:30:00Z"); // 19:30 in Moscow, a Friday
        Instant monday = Instant.parse("2026-12-07T07:00:00Z"); // 10:00 in Moscow
        assertThat(hours.workingTimeBetween(friday, monday, MOSCOW)).isEqualTo(Duration.ofHours(1));
        assertThat(hours.isOpen(friday, MOSCOW)).isFalse();
        assertThat(hours.whenAnswered(friday, MOSCOW)).isEqualTo("в понедельник с 09:00");
    }

    @Test
    void parentsAreToldTodayOrTomorrowWhenThatIsTrue() {
        assertThat(hours.whenAnswered(Instant.parse("2026-12-03T04:00:00Z"), MOSCOW)).isEqualTo("сегодня с 09:00");
        assertThat(hours.whenAnswered(Instant.parse("2026-12-02T17:00:00Z"), MOSCOW)).isEqualTo("завтра с 09:00");
        assertThat(hours.isOpen(Instant.parse("2026-12-02T10:00:00Z"), MOSCOW)).isTrue();
    }

    @Test
    void workingTimeWithinOneDayIsPlainTime() {
        assertThat(hours.workingTimeBetween(Instant.parse("2026-12-02T07:00:00Z"), Instant.parse("2026-12-02T09:30:00Z"),
                MOSCOW)).isEqualTo(Duration.ofMinutes(150));
        assertThat(WorkingHours.age(Duration.ofMinutes(135))).isEqualTo("2 ч 15 мин");
    }

    @Test
    void responseTimesReadAsOneLineForAReport() {
        QuestionFigures.ResponseTimes t = new QuestionFigures.ResponseTimes(15, 12, 3, Duration.ofMinutes(125),
                Duration.ofHours(6), Duration.ofHours(26));
        assertThat(t.summary()).isEqualTo("Ответили на 12 из 15, медиана 2 ч 5 мин, 90% — за 6 ч 0 мин; "
                + "ждут ответа: 3, дольше всех 1 дн 2 ч.");
        assertThat(new QuestionFigures.ResponseTimes(0, 0, 0, null, null, null).summary())
                .isEqualTo("Вопросов специалистам не было.");
    }
}
