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
import ru.kruzhok.staff.StaffAccess;

/**
 * The parent counts of /stats. Everyone the bot talked with counts as a parent in the all-parents
 * view (staff never count: they try the bot from their own chats); only a parent who consented has
 * a municipality, so a municipality's view counts profiles.
 */
@Component
class ParentStatistics implements ParentFigures {

    private final JdbcTemplate jdbc;
    private final KnownChats knownChats;
    private final Clock clock;
    private final StaffAccess access;

    ParentStatistics(JdbcTemplate jdbc, KnownChats knownChats, Clock clock, StaffAccess access) {
        this.jdbc = jdbc;
        this.access = access;
        this.knownChats = knownChats;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figuresFor(Set<String> municipalities) {
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        // staff try the bot from their own chats: they are not parents
        String[] staff = access.staffTelegramIds().stream().map(String::valueOf).toArray(String[]::new);
        String notStaff = " not (channel = 'telegram' and chat_id = any (?::varchar[]))";
        if (municipalities.isEmpty()) {
            long[] profiles = jdbc.queryForObject(
                    "select count(*), count(*) filter (where notifications) from parent where" + notStaff,
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, (Object) staff);
            // everyone the bot talked with in a private chat counts here, consent or not (known_chat is
            // the channel's table; KnownChats has no count that leaves people out)
            long[] people = jdbc.queryForObject("""
                    select count(*), count(*) filter (where unreachable_at is not null),
                           count(*) filter (where first_seen_at >= ?)
                      from known_chat where person and""" + notStaff,
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, Timestamp.from(weekAgo), staff);
            return new Figures(people[0], profiles[0], profiles[1], people[1], people[2]);
        }
        String[] codes = municipalities.toArray(String[]::new);
        long[] profiles = jdbc.queryForObject("""
                select count(*), count(*) filter (where notifications), count(*) filter (where created_at >= ?)
                  from parent where municipality = any (?::varchar[]) and""" + notStaff,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, Timestamp.from(weekAgo), codes, staff);
        List<ChatAddress> chats = jdbc.query(
                "select channel, chat_id from parent where municipality = any (?::varchar[]) and" + notStaff,
                (rs, i) -> new ChatAddress(rs.getString(1), rs.getString(2)), codes, staff);
        return new Figures(profiles[0], profiles[0], profiles[1], knownChats.countUnreachable(chats), profiles[2]);
    }
}
