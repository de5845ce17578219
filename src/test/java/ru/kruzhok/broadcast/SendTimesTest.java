package ru.kruzhok.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class SendTimesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
    private static final Instant NOW = LocalDateTime.of(2026, 11, 20, 12, 0).atZone(MOSCOW).toInstant();

    @Test
    void datesWithAndWithoutAYearAreReadInTheMunicipalitysZone() {
        assertThat(SendTimes.parse("25.11 18:00", MOSCOW, NOW).at())
                .isEqualTo(LocalDateTime.of(2026, 11, 25, 18, 0).atZone(MOSCOW).toInstant());
        assertThat(SendTimes.parse("25.11.2026 18:00", YEKATERINBURG, NOW).at())
                .isEqualTo(LocalDateTime.of(2026, 11, 25, 16, 0).atZone(MOSCOW).toInstant());
        assertThat(SendTimes.parse("1.12.26 9.30", MOSCOW, NOW).ok()).isTrue();
        // January typed in November is next January
        assertThat(SendTimes.parse("10.01 10:00", MOSCOW, NOW).at())
                .isEqualTo(LocalDateTime.of(2027, 1, 10, 10, 0).atZone(MOSCOW).toInstant());
    }

    @Test
    void pastTimesAreRecognisedAndNonsenseIsNotADate() {
        assertThat(SendTimes.parse("20.11 11:59", MOSCOW, NOW).past()).isTrue();
        assertThat(SendTimes.parse("01.01.2020 10:00", MOSCOW, NOW).ok()).isFalse();
        assertThat(SendTimes.parse("31.02 10:00", MOSCOW, NOW)).isNull();
        assertThat(SendTimes.parse("25.11 25:00", MOSCOW, NOW)).isNull();
        assertThat(SendTimes.parse("завтра", MOSCOW, NOW)).isNull();
    }
}
