package ru.kruzhok.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers which platform updates were handled so a redelivered one (webhook retry, a poller that
 * restarted before acknowledging) is handled once. Kept in PostgreSQL so several instances agree.
 *
 * <p>A claim is not the same as an answer: an instance may claim an update and die before its
 * replies go out. Such a claim is taken over once its lease has run out, so the update that comes
 * again (it was never acknowledged to the platform) is answered by whoever holds it next.
 */
@Component
class ProcessedUpdates {

    private static final Duration KEEP = Duration.ofDays(3);

    /** What {@link #claim} found. */
    enum Claim {
        /** This instance now holds the update: handle it. */
        CLAIMED,
        /** It was answered before: a redelivery, drop it. */
        ANSWERED,
        /** Another claim, not answered yet, whose lease still runs: ask again later. */
        HELD_ELSEWHERE
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lease;
    /** This process; a restarted instance is another owner, so it waits its old self's lease out. */
    private final String owner = UUID.randomUUID().toString();

    ProcessedUpdates(JdbcTemplate jdbc, Clock clock, DispatcherProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = properties.claimLease();
    }

    Duration lease() {
        return lease;
    }

    /** Claims the update, or takes over an unanswered claim whose lease ran out. */
    Claim claim(String updateKey) {
        // The database's clock, not ours: instances on different hosts must agree when a lease ends.
        int taken = jdbc.update("""
                insert into processed_update(update_key, processed_at, owner) values (?, clock_timestamp(), ?)
                on conflict (update_key) do update set processed_at = excluded.processed_at, owner = excluded.owner
                 where processed_update.answered_at is null
                   and processed_update.processed_at < clock_timestamp() - ? * interval '1 millisecond'""",
                updateKey, owner, lease.toMillis());
        if (taken == 1) {
            return Claim.CLAIMED;
        }
        List<Boolean> answered = jdbc.queryForList(
                "select answered_at is not null from processed_update where update_key = ?", Boolean.class, updateKey);
        if (answered.isEmpty()) {
            // released between our two statements: try once more
            return claim(updateKey);
        }
        return answered.get(0) ? Claim.ANSWERED : Claim.HELD_ELSEWHERE;
    }

    /** The update's replies were handed to its channel: a redelivery is now a duplicate for good. */
    void answered(String updateKey) {
        jdbc.update("update processed_update set answered_at = clock_timestamp() where update_key = ?", updateKey);
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
