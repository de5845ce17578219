package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.support.SettableClock;

class FloodControlUnitTest {

    private static Incoming message(String chat, int n) {
        return Incoming.text("u" + n, new ChatAddress("telegram", chat), chat, "привет");
    }

    @Test
    void aChatThatKeepsFloodingIsWarnedOnceAndHeardAgainOnceItCalmsDown() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-02T10:00:00Z"));
        FloodControl flood = new FloodControl(new FloodProperties(5, Duration.ofMillis(500)), new SimpleMeterRegistry(), clock);
        int passed = 0;
        int warnings = 0;
        for (int i = 0; i < 50; i++) {
            Optional<List<Reply>> result = flood.check(message("1", i));
            if (result.isEmpty()) {
                passed++;
            } else if (!result.get().isEmpty()) {
                warnings++;
            }
        }
        assertThat(passed).isEqualTo(5);
        assertThat(warnings).isEqualTo(1);
        assertThat(flood.check(message("2", 0))).as("another chat").isEmpty();

        clock.advance(Duration.ofMillis(100));
        assertThat(flood.check(message("1", 98))).as("still flooding: silenced").contains(List.of());
        clock.advance(Duration.ofMillis(600)); // quiet for a whole window
        assertThat(flood.check(message("1", 99))).isEmpty();
    }

    @Test
    void aFloodingGroupIsIgnoredWithoutAWarning() {
        FloodControl flood = new FloodControl(new FloodProperties(2, Duration.ofSeconds(10)), new SimpleMeterRegistry(),
                new SettableClock(Instant.parse("2026-11-02T10:00:00Z")));
        Incoming group = new Incoming("g", new ChatAddress("telegram", "-5"), "7", Incoming.ChatKind.GROUP,
                Incoming.Type.TEXT, "x", null, null, false, false, null, null, null, null);
        flood.check(group);
        flood.check(group);
        assertThat(flood.check(group)).contains(List.of());
    }

    @Test
    void aLimitSetOnTheBeanAppliesToEveryChatUntilTheConfiguredOneIsPutBack() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-02T10:00:00Z"));
        FloodProperties configured = new FloodProperties(100, Duration.ofSeconds(10));
        FloodControl flood = new FloodControl(configured, new SimpleMeterRegistry(), clock);
        flood.limit(new FloodProperties(3, Duration.ofSeconds(10)));
        for (int i = 0; i < 3; i++) {
            assertThat(flood.check(message("1", i))).isEmpty();
        }
        assertThat(flood.check(message("1", 3))).as("the fourth in 10 s").isPresent();

        flood.limit(null);
        assertThat(flood.limit()).isEqualTo(configured);
        for (int i = 0; i < 100; i++) {
            assertThat(flood.check(message("1", 10 + i))).as("message %d", i).isEmpty();
        }
        assertThat(flood.check(message("1", 200))).isPresent();
    }
}
