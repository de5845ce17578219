package ru.kruzhok.parent;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.sheet.ExportFormat;
import ru.kruzhok.staff.ParentExport;

/**
 * The rows of the parents export: parents who consented, with what they told the bot, in Russian
 * (municipality names, directions, «да»/«нет», the municipality's local time with its offset).
 * Children appear as birth years only — their names are not needed for any report, so they stay out
 * of files that get mailed around.
 */
@Component
class ParentCsvRows implements ParentExport {

    private final JdbcTemplate jdbc;
    private final KnownChats knownChats;
    private final ExportFormat format;

    ParentCsvRows(JdbcTemplate jdbc, KnownChats knownChats, ExportFormat format) {
        this.jdbc = jdbc;
        this.knownChats = knownChats;
        this.format = format;
    }

    @Override
    public List<String> header() {
        return List.of("Мессенджер", "Чат", "Муниципалитет", "Согласие дано (местное время)", "Уведомления",
                "Годы рождения детей", "Интересы", "Доступен");
    }

    @Override
    @Transactional(readOnly = true)
    public List<List<String>> rows(Set<String> municipalities) {
        Set<ChatAddress> unreachable = knownChats.unreachable();
        String where = municipalities.isEmpty() ? "" : " where p.municipality = any (?::varchar[])";
        Object[] args = municipalities.isEmpty() ? new Object[0] : new Object[] {municipalities.toArray(String[]::new)};
        return jdbc.query("""
                select p.channel, p.chat_id, p.municipality, p.consent_at, p.notifications,
                       coalesce((select string_agg(c.birth_year::text, ', ' order by c.birth_year)
                                   from child c where c.parent_id = p.id), '') as births,
                       coalesce((select string_agg(i.direction, ' ' order by i.direction)
                                   from parent_interest i where i.parent_id = p.id), '') as interests
                  from parent p""" + where + " order by p.id",
                (rs, i) -> List.of(ExportFormat.messenger(rs.getString("channel")), rs.getString("chat_id"),
                        format.name(rs.getString("municipality")),
                        format.format(instant(rs.getTimestamp("consent_at")), rs.getString("municipality")),
                        ExportFormat.yesNo(rs.getBoolean("notifications")),
                        rs.getString("births"), directions(rs.getString("interests")),
                        ExportFormat.yesNo(!unreachable.contains(
                                new ChatAddress(rs.getString("channel"), rs.getString("chat_id"))))),
                args);
    }

    /** «technical sports» → «Техническая, Физкультурно-спортивная». */
    static String directions(String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        return String.join(", ", java.util.Arrays.stream(codes.split(" "))
                .map(c -> Direction.fromApiName(c).map(Direction::title).orElse(c)).toList());
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
