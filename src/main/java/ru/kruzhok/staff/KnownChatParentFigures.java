package ru.kruzhok.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY stand-in for {@link ParentFigures} until the parent feature (profiles, consent,
 * notifications, municipality) provides its own: the lead deletes this class (or marks the real one
 * {@code @Primary}). It reads the channel's known_chat table directly — the one exception to "no
 * other feature's tables", accepted because KnownChats has no counting API yet.
 *
 * <p>known_chat has no municipality, so per-municipality figures are unknown («—»): a staff member
 * of one municipality must not see counts that include another's parents. Only the all-parents view
 * (admins) is filled. Telegram groups (negative chat ids) are not parents.
 */
@Component
class KnownChatParentFigures implements ParentFigures {

    private static final String PARENTS = "from known_chat where not (channel = 'telegram' and chat_id like '-%')";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    KnownChatParentFigures(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Figures figuresFor(Set<String> municipalities) {
        if (!municipalities.isEmpty()) {
            return Figures.UNKNOWN;
        }
        Timestamp weekAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(7)));
        return jdbc.queryForObject("select count(*), count(unreachable_at), count(*) filter (where first_seen_at >= ?) " + PARENTS,
                (rs, i) -> new Figures(rs.getLong(1), null, null, rs.getLong(2), rs.getLong(3)), weekAgo);
    }
}
