package ru.kruzhok.broadcast;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChatAddress;

/**
 * The durable outbox: one row per recipient of a broadcast. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease; every later change is a compare-and-set on that
 * lease, so a row taken over by another instance is never finished (or sent) by the old one.
 */
@Component
class BroadcastOutbox {

    enum Status { PENDING, SENDING, SENT, BLOCKED, FAILED, SKIPPED, CANCELLED;
        String db() {
            return name().toLowerCase();
        }
    }

    private final JdbcTemplate jdbc;

    BroadcastOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the recipients of a broadcast; a chat already there is not added twice. */
    void add(long broadcastId, List<ChatAddress> chats) {
        jdbc.batchUpdate("""
                        insert into broadcast_recipient(broadcast_id, channel, chat_id) values (?, ?, ?)
                        on conflict (broadcast_id, channel, chat_id) do nothing
                        """, chats, 1000,
                (ps, chat) -> {
                    ps.setLong(1, broadcastId);
                    ps.setString(2, chat.channel());
                    ps.setString(3, chat.chatId());
                });
    }

    /**
     * Claims up to {@code limit} rows of sending broadcasts: pending rows that are due, and rows
     * whose claim by another (or a dead) instance is older than {@code leaseExpiredBefore}.
     */
    List<OutboxRow> claim(String lease, int limit, Instant now, Instant leaseExpiredBefore) {
        Timestamp ts = Timestamp.from(now);
        return jdbc.query("""
                        with due as (
                            select r.id, r.claimed_by as old_owner, r.send_started_at as old_started,
                                   r.status as old_status
                            from broadcast_recipient r join broadcast b on b.id = r.broadcast_id
                            where b.status = 'sending'
                              and ((r.status = 'pending' and (r.next_attempt_at is null or r.next_attempt_at <= ?))
                                or (r.status = 'sending' and r.claimed_at < ?))
                            order by r.id
                            limit ?
                            for update of r skip locked
                        )
                        update broadcast_recipient r
                           set status = 'sending', claimed_at = ?, claimed_by = ?, send_started_at = null
                          from due
                         where r.id = due.id
                        returning r.id, r.broadcast_id, r.channel, r.chat_id, r.attempts, due.old_status,
                                  due.old_owner, due.old_started
                        """,
                (rs, i) -> {
                    boolean takenOver = "sending".equals(rs.getString("old_status"));
                    Timestamp started = rs.getTimestamp("old_started");
                    return new OutboxRow(rs.getLong("id"), rs.getLong("broadcast_id"),
                            new ChatAddress(rs.getString("channel"), rs.getString("chat_id")),
                            rs.getInt("attempts"), lease,
                            takenOver ? rs.getString("old_owner") : null,
                            takenOver && started != null ? started.toInstant() : null);
                },
                ts, Timestamp.from(leaseExpiredBefore), limit, ts, lease);
    }

    /**
     * Marks the moment the platform call starts and renews the lease. False when the row is no
     * longer ours (taken over), was already started under this claim, or its broadcast was
     * cancelled: then it must not be sent.
     */
    boolean start(OutboxRow row, Instant now) {
        Timestamp ts = Timestamp.from(now);
        return jdbc.update("""
                update broadcast_recipient r set send_started_at = ?, claimed_at = ?, attempts = attempts + 1
                 where id = ? and status = 'sending' and claimed_by = ? and send_started_at is null
                   and exists (select 1 from broadcast b where b.id = r.broadcast_id and b.status = 'sending')
                """, ts, ts, row.id(), row.lease()) == 1;
    }

    /** A final outcome. False when the row was taken over meanwhile (the other instance decides). */
    boolean finish(OutboxRow row, Status status, String error, Instant now) {
        return jdbc.update("""
                update broadcast_recipient
                   set status = ?, sent_at = ?, sent_by = claimed_by, last_error = ?, claimed_at = null,
                       claimed_by = null
                 where id = ? and claimed_by = ?
                """, status.db(), status == Status.SENT ? Timestamp.from(now) : null, truncate(error),
                row.id(), row.lease()) == 1;
    }

    /**
     * Gives the row back to be sent at {@code notBefore} (null: at once). {@code attempted} says
     * whether the attempt counts (a network error does; a 429 or a per-chat wait does not).
     */
    void retry(OutboxRow row, Instant notBefore, boolean attempted, String error) {
        jdbc.update("""
                update broadcast_recipient r
                   set status = case when exists (select 1 from broadcast b where b.id = r.broadcast_id
                                                  and b.status = 'cancelled') then 'cancelled' else 'pending' end,
                       next_attempt_at = ?, claimed_at = null, claimed_by = null, send_started_at = null,
                       attempts = case when ? then attempts else greatest(attempts - 1, 0) end,
                       last_error = coalesce(?, last_error)
                 where id = ? and claimed_by = ?
                """, notBefore == null ? null : Timestamp.from(notBefore), attempted, truncate(error),
                row.id(), row.lease());
    }

    /** A row claimed but never started (stopping, cancelled): back to pending, attempts unchanged. */
    void release(OutboxRow row) {
        jdbc.update("""
                update broadcast_recipient r
                   set status = case when exists (select 1 from broadcast b where b.id = r.broadcast_id
                                                  and b.status = 'cancelled') then 'cancelled' else 'pending' end,
                       claimed_at = null, claimed_by = null
                 where id = ? and claimed_by = ? and send_started_at is null
                """, row.id(), row.lease());
    }

    /** Started but stopped before the platform call (shutting down): back to pending, never sent. */
    void unstart(OutboxRow row) {
        jdbc.update("""
                update broadcast_recipient
                   set status = 'pending', claimed_at = null, claimed_by = null, send_started_at = null,
                       attempts = greatest(attempts - 1, 0)
                 where id = ? and claimed_by = ?
                """, row.id(), row.lease());
    }

    void cancelPending(long broadcastId) {
        jdbc.update("update broadcast_recipient set status = 'cancelled' where broadcast_id = ? and status = 'pending'",
                broadcastId);
    }

    /** Rows per status for one broadcast. */
    Map<String, Integer> counts(long broadcastId) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("select status, count(*) as n from broadcast_recipient where broadcast_id = ? group by status",
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                }, broadcastId);
        return counts;
    }

    /** Forgets a chat everywhere (the parent asked to delete their data). */
    void forget(ChatAddress chat) {
        jdbc.update("delete from broadcast_recipient where channel = ? and chat_id = ?", chat.channel(), chat.chatId());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 300 ? error : error.substring(0, 300);
    }
}
