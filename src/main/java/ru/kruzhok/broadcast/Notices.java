package ru.kruzhok.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChatAddress;
import tools.jackson.databind.ObjectMapper;

/**
 * Messages a feature addresses to chats it chose itself (survey invitations, event reminders, new
 * programs for a saved search). They go through the same outbox as announcements, so they share
 * the send budget, yield to live replies, respect notifications off, and are never sent twice.
 *
 * <p>A payload button in a notice must carry a command a parent could type (for example
 * {@code "/survey parents-2026"}): the message stays in the chat for days, and the dialog engine
 * treats such a payload as typed, never as a stale menu.
 */
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    /**
     * @param kind      what it is, for reports: "survey_invitation", "event", "event_reminder", "saved_search" …
     * @param text      the bot's light markup
     * @param buttons   rows of buttons; payloads must start with "/"
     * @param createdBy who or what asked for it ("survey:parents-2026", a staff id …)
     */
    public record Notice(String kind, String text, List<List<Button>> buttons, String createdBy) {
        public Notice {
            Objects.requireNonNull(kind, "kind");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text is empty");
            }
            buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
            for (List<Button> row : buttons) {
                for (Button b : row) {
                    if (!b.isLink() && !b.payload().startsWith("/")) {
                        throw new IllegalArgumentException("a notice button payload must be a command: " + b.payload());
                    }
                }
            }
        }

        public static Notice of(String kind, String text, String createdBy) {
            return new Notice(kind, text, List.of(), createdBy);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BroadcastOutbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    Notices(JdbcTemplate jdbc, TransactionTemplate transactions, BroadcastOutbox outbox, ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues {@code notice} for each chat (a chat listed twice gets it once) and returns the id of
     * the broadcast that carries it, for {@link Broadcasts#report}. The message row and its outbox
     * rows are written in one transaction: either all recipients are queued or none.
     */
    public long send(Notice notice, List<ChatAddress> chats) {
        Instant now = clock.instant();
        Long id = transactions.execute(tx -> {
            long broadcastId = jdbc.queryForObject("""
                    insert into broadcast(kind, text, buttons, audience, status, send_at, created_by, created_at,
                                          started_at, total)
                    values (?, ?, cast(? as jsonb), '{}'::jsonb, 'sending', ?, ?, ?, ?, 0) returning id
                    """, Long.class, notice.kind(), notice.text(), json.writeValueAsString(notice.buttons()),
                    Timestamp.from(now), notice.createdBy(), Timestamp.from(now), Timestamp.from(now));
            outbox.add(broadcastId, chats);
            jdbc.update("update broadcast set total = (select count(*) from broadcast_recipient where broadcast_id = ?)"
                    + " where id = ?", broadcastId, broadcastId);
            return broadcastId;
        });
        log.info("Notice {} ({}) queued for {} chat(s)", id, notice.kind(), chats.size());
        return id;
    }
}
