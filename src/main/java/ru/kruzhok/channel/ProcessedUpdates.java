package ru.kruzhok.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers which platform updates were handled so a redelivered one (webhook retry, a poller that
 * restarted before acknowledging) is handled once. Kept in PostgreSQL so several instances agree.
 */
@Component
class ProcessedUpdates {

    private static final Duration KEEP = Duration.ofDays(3);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProcessedUpdates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the update; false when it was already claimed, i.e. this is a redelivery. */
    boolean claim(String updateKey) {
        return jdbc.update("insert into processed_update(update_key, processed_at) values (?, ?) on conflict do nothing",
                updateKey, Timestamp.from(clock.instant())) == 1;
    }

    /** Gives the update back when handling failed, so a redelivery gets another chance. */
    void release(String updateKey) {
        jdbc.update("delete from processed_update where update_key = ?", updateKey);
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetOld() {
        Instant cutoff = clock.instant().minus(KEEP);
        jdbc.update("delete from processed_update where processed_at < ?", Timestamp.from(cutoff));
    }
}
