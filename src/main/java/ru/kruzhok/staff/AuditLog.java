package ru.kruzhok.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ru.kruzhok.channel.Incoming;

/**
 * Records every staff action (who, when, what) and lists the latest ones for /audit and the admin
 * API. Features record their own actions here: {@code auditLog.record(AuditLog.actorOf(incoming),
 * "broadcast.sent", "broadcast 42 to tsentr, 130 recipients")} or with {@link #ADMIN_API} as the
 * actor for admin HTTP calls.
 *
 * <p>Details are short and carry no personal data: ids, codes and counts, never names, phones or
 * message text.
 */
@Service
public class AuditLog {

    /** The actor of calls made through the admin HTTP API. */
    public static final String ADMIN_API = "admin-api";
    static final int MAX_DETAILS = 500;
    public static final int MAX_LIST = 200;

    /** One recorded action. */
    public record Entry(long id, Instant at, String actor, String action, String details) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** "telegram:123456" for a person in a chat. */
    public static String actorOf(Incoming incoming) {
        return incoming.chat().channel() + ":" + incoming.userId();
    }

    /**
     * Stores an action.
     *
     * @param actor   {@link #actorOf(Incoming)} or {@link #ADMIN_API}
     * @param action  a dotted name, e.g. {@code staff.add}, {@code chat.bind}, {@code parents.export}
     * @param details a short description without personal data; cut to 500 characters
     */
    public void record(String actor, String action, String details) {
        String safeDetails = details == null ? "" : details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
        jdbc.update("insert into audit_entry(at, actor, action, details) values (?, ?, ?, ?)",
                Timestamp.from(clock.instant()), truncate(actor, 100), truncate(action, 60), safeDetails);
    }

    /** The latest {@code limit} entries (at most {@link #MAX_LIST}), newest first. */
    public List<Entry> latest(int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIST));
        return jdbc.query("select id, at, actor, action, details from audit_entry order by at desc, id desc limit ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5)), n);
    }

    private static String truncate(String s, int max) {
        String value = s == null ? "?" : s;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
