package ru.kruzhok.parent;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.staff.ParentExport;

/**
 * The rows of the admin parents export: parents who consented, with what they told the bot. Children
 * appear as birth years only — their names are not needed for any report, so they stay out of files
 * that get mailed around.
 */
@Component
class ParentCsvRows implements ParentExport {

    private final JdbcTemplate jdbc;
    private final KnownChats knownChats;

    ParentCsvRows(JdbcTemplate jdbc, KnownChats knownChats) {
        this.jdbc = jdbc;
        this.knownChats = knownChats;
    }

    @Override
    public List<String> header() {
        return List.of("channel", "chat_id", "municipality", "consent_at", "notifications", "children_birth_years",
                "interests", "reachable");
    }

    @Override
    @Transactional(readOnly = true)
    public List<List<String>> rows() {
        Set<ChatAddress> unreachable = knownChats.unreachable();
        return jdbc.query("""
                select p.channel, p.chat_id, coalesce(p.municipality, '') as municipality, p.consent_at, p.notifications,
                       coalesce((select string_agg(c.birth_year::text, ' ' order by c.birth_year)
                                   from child c where c.parent_id = p.id), '') as births,
                       coalesce((select string_agg(i.direction, ' ' order by i.direction)
                                   from parent_interest i where i.parent_id = p.id), '') as interests
                  from parent p order by p.id""",
                (rs, i) -> List.of(rs.getString("channel"), rs.getString("chat_id"), rs.getString("municipality"),
                        instant(rs.getTimestamp("consent_at")), rs.getBoolean("notifications") ? "yes" : "no",
                        rs.getString("births"), rs.getString("interests"),
                        unreachable.contains(new ChatAddress(rs.getString("channel"), rs.getString("chat_id")))
                                ? "no" : "yes"));
    }

    private static String instant(java.sql.Timestamp ts) {
        return ts == null ? "" : Instant.ofEpochMilli(ts.getTime()).toString();
    }
}
