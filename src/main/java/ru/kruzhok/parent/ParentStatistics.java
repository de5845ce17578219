package ru.kruzhok.parent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.staff.ParentFigures;

/**
 * The parent counts of /stats. Everyone the bot talked with counts as a parent in the all-parents
 * view; only a parent who consented has a municipality, so a municipality's view counts profiles.
 */
@Component
class ParentStatistics implements ParentFigures {

    private final JdbcTemplate jdbc;
    private final KnownChats knownChats;
    private final Clock clock;

    ParentStatistics(JdbcTemplate jdbc, KnownChats knownChats, Clock clock) {
        this.jdbc = jdbc;
        this.knownChats = knownChats;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figuresFor(Set<String> municipalities) {
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        if (municipalities.isEmpty()) {
            long[] profiles = jdbc.queryForObject(
                    "select count(*), count(*) filter (where notifications) from parent",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
            return new Figures(knownChats.countPeople(), profiles[0], profiles[1],
                    knownChats.countUnreachablePeople(), knownChats.countPeopleFirstSeenSince(weekAgo));
        }
        String[] codes = municipalities.toArray(String[]::new);
        long[] profiles = jdbc.queryForObject("""
                select count(*), count(*) filter (where notifications), count(*) filter (where created_at >= ?)
                  from parent where municipality = any (?::varchar[])""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, Timestamp.from(weekAgo), codes);
        List<ChatAddress> chats = jdbc.query("select channel, chat_id from parent where municipality = any (?::varchar[])",
                (rs, i) -> new ChatAddress(rs.getString(1), rs.getString(2)), (Object) codes);
        return new Figures(profiles[0], profiles[0], profiles[1], knownChats.countUnreachable(chats), profiles[2]);
    }
}
