package ru.kruzhok.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EventLineTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    @Test
    void aFullLineGivesEveryField() {
        EventDraft d = EventLine.parse("25.11.2026 18:00 | Турнир по шахматам | ДДТ, ул. Ленина 5 | 7-12 | спортивная, arts "
                + "| https://example.org/chess | tsentr", MSK);
        assertThat(d.startsAt()).isEqualTo(ZonedDateTime.of(2026, 11, 25, 18, 0, 0, 0, MSK).toInstant());
        assertThat(d.title()).isEqualTo("Турнир по шахматам");
        assertThat(d.place()).isEqualTo("ДДТ, ул. Ленина 5");
        assertThat(d.ageFrom()).isEqualTo(7);
        assertThat(d.ageTo()).isEqualTo(12);
        assertThat(d.directions()).isEqualTo(Set.of("sports", "arts"));
        assertThat(d.link()).isEqualTo("https://example.org/chess");
        assertThat(d.municipality()).isEqualTo("tsentr");
    }

    @Test
    void optionalFieldsMayBeLeftOutOrDashed() {
        EventDraft d = EventLine.parse("1.12.2026 9:30 | Ёлка | - | 10+", MSK);
        assertThat(d.place()).isNull();
        assertThat(d.ageFrom()).isEqualTo(10);
        assertThat(d.ageTo()).isNull();
        assertThat(d.directions()).isEmpty();
        assertThat(d.link()).isNull();
        assertThat(d.municipality()).isNull();
        assertThat(EventLine.parse("1.12.2026 9:30 | Ёлка", MSK).title()).isEqualTo("Ёлка");
    }

    @Test
    void directionsAreReadInTheWordsStaffUseElsewhere() {
        EventDraft d = EventLine.parse("25.11.2026 18:00 | Турнир | - | - | спорт; техника, творчество, туризм, наука", MSK);
        assertThat(d.directions()).containsExactlyInAnyOrder("sports", "technical", "arts", "tourism", "science");
        assertThatThrownBy(() -> EventLine.parse("25.11.2026 18:00 | Турнир | - | - | вязание", MSK))
                .hasMessageContaining("физкультурно-спортивная").hasMessageNotContaining("sports");
    }

    @Test
    void mistakesAreExplainedInRussian() {
        assertThatThrownBy(() -> EventLine.parse("31.02.2026 18:00 | Турнир", MSK)).hasMessageContaining("дату");
        assertThatThrownBy(() -> EventLine.parse("завтра | Турнир", MSK)).hasMessageContaining("дату");
        assertThatThrownBy(() -> EventLine.parse("25.11.2026 18:00", MSK)).hasMessageContaining("Формат");
        assertThatThrownBy(() -> EventLine.parse("25.11.2026 18:00 | Турнир | - | семь", MSK)).hasMessageContaining("возраст");
        assertThatThrownBy(() -> EventLine.parse("25.11.2026 18:00 | Турнир | - | - | вязание", MSK))
                .hasMessageContaining("направление");
    }
}
