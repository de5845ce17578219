package ru.kruzhok.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.broadcast.Broadcasts;
import ru.kruzhok.broadcast.Notices;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.staff.AuditLog;

/** Which clock an event's «18:00» is read on: its municipality's, as for announcements. */
class EventZoneTest {

    private static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");

    private static Events events(ZoneId configured) {
        Municipalities municipalities = mock(Municipalities.class);
        Municipality ural = mock(Municipality.class);
        when(ural.zone()).thenReturn(YEKATERINBURG);
        Municipality tsentr = mock(Municipality.class);
        when(tsentr.zone()).thenReturn(Municipality.DEFAULT_ZONE);
        when(municipalities.find("ural")).thenReturn(Optional.of(ural));
        when(municipalities.find("tsentr")).thenReturn(Optional.of(tsentr));
        when(municipalities.find("nowhere")).thenReturn(Optional.empty());
        return new Events(mock(JdbcTemplate.class), mock(TransactionTemplate.class), mock(ParentProfiles.class),
                mock(Notices.class), mock(Broadcasts.class), municipalities, mock(DialogRegistry.class),
                mock(AuditLog.class), new EventProperties(Duration.ofHours(24), Duration.ofSeconds(30), configured),
                Clock.systemUTC());
    }

    @Test
    void anEventTakesItsMunicipalitysTimeZone() {
        Events events = events(null);

        assertThat(events.zoneOf("ural")).isEqualTo(YEKATERINBURG);
        assertThat(events.zoneOf("tsentr")).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(events.zoneOf(null)).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(events.zoneOf("nowhere")).isEqualTo(ZoneId.of("Europe/Moscow"));
        // «18:00» typed for the Urals is 13:00 UTC, two hours before Moscow's 18:00
        Instant ural = EventLine.parse("25.12.2030 18:00 | Ёлка | - | - | - | - | ural", events.zoneOf("ural")).startsAt();
        assertThat(ural).isEqualTo(Instant.parse("2030-12-25T13:00:00Z"));
    }

    @Test
    void aConfiguredZoneOverridesEveryMunicipality() {
        Events events = events(ZoneId.of("Asia/Vladivostok"));

        assertThat(events.zoneOf("ural")).isEqualTo(ZoneId.of("Asia/Vladivostok"));
        assertThat(events.zoneOf(null)).isEqualTo(ZoneId.of("Asia/Vladivostok"));
    }
}
