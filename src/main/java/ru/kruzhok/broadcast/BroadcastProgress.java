package ru.kruzhok.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.Reply;

/**
 * Keeps each broadcast's live progress message in the staff chat up to date: edited in place (sent
 * of total, blocked, failed, time left) while sending, and turned into the final report once the
 * broadcast is done or cancelled. Everything it needs is stored with the broadcast, so after a
 * restart (or on another instance) it carries on with the same message.
 *
 * <p>An edit is claimed by moving {@code progress_shown_at} forward with a compare-and-set, so a
 * message is edited at most once per {@link BroadcastProperties#progressInterval()} across all
 * instances (Telegram throttles frequent edits of one message), and not at all while the counts
 * stand still.
 */
@Component
class BroadcastProgress implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcastProgress.class);
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration DRAFT_SWEEP = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final Broadcasts broadcasts;
    private final BroadcastDrafts drafts;
    private final ChannelRegistry channels;
    private final SendBudget budget;
    private final BroadcastProperties properties;
    private final Clock clock;
    private final BroadcastTexts texts;

    private volatile boolean running;
    private Thread loop;

    BroadcastProgress(JdbcTemplate jdbc, Broadcasts broadcasts, BroadcastDrafts drafts, ChannelRegistry channels,
                      SendBudget budget, BroadcastProperties properties, Clock clock, BroadcastTexts texts) {
        this.jdbc = jdbc;
        this.broadcasts = broadcasts;
        this.drafts = drafts;
        this.channels = channels;
        this.budget = budget;
        this.properties = properties;
        this.clock = clock;
        this.texts = texts;
    }

    /** Edits every progress message that is due; returns how many were edited. */
    int refreshDue() {
        Instant dueBefore = clock.instant().minus(properties.progressInterval());
        List<Long> due = jdbc.queryForList("""
                select id from broadcast
                 where progress_message_id is not null and not progress_final and status <> 'scheduled'
                   and (progress_shown_at is null or progress_shown_at <= ?)
                 order by id
                """, Long.class, Timestamp.from(dueBefore));
        int edited = 0;
        for (long id : due) {
            if (refresh(id, false)) {
                edited++;
            }
        }
        return edited;
    }

    /**
     * Shows the broadcast's current state in its progress message. {@code force} skips the pause
     * between edits (right after staff cancelled it). False when nothing was edited.
     */
    boolean refresh(long id, boolean force) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select status, started_at, finished_at, progress_channel, progress_chat_id, progress_message_id,
                       progress_state
                  from broadcast where id = ? and progress_message_id is not null and not progress_final
                """, id);
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> b = rows.get(0);
        String status = (String) b.get("status");
        if ("scheduled".equals(status)) {
            return false;
        }
        Broadcasts.Report r = broadcasts.report(id).orElse(null);
        if (r == null) {
            return false;
        }
        boolean over = "done".equals(status) || "cancelled".equals(status);
        String state = status + ":" + r.sent() + ":" + r.blocked() + ":" + r.failed() + ":" + r.skipped() + ":" + r.pending();
        if (!over && state.equals(b.get("progress_state"))) {
            return false;
        }
        Instant now = clock.instant();
        int claimed = jdbc.update("""
                update broadcast set progress_shown_at = ?, progress_state = ?
                 where id = ? and not progress_final and (? or progress_shown_at is null or progress_shown_at <= ?)
                """, Timestamp.from(now), state, id, force, Timestamp.from(now.minus(properties.progressInterval())));
        if (claimed == 0) {
            return false; // another instance (or an earlier tick) just edited it
        }
        Instant started = b.get("started_at") == null ? null : ((Timestamp) b.get("started_at")).toInstant();
        Instant finished = b.get("finished_at") == null ? null : ((Timestamp) b.get("finished_at")).toInstant();
        Reply reply;
        if (over) {
            Duration took = started == null ? null : Duration.between(started, finished == null ? now : finished);
            reply = Reply.text(texts.finished(id, "cancelled".equals(status), r.total(), r.sent(), r.blocked(),
                    r.failed(), r.skipped(), took));
        } else {
            int handled = r.sent() + r.blocked() + r.failed() + r.skipped();
            Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, now);
            reply = Reply.text(texts.sending(id, r.total(), r.sent(), r.blocked(), r.failed(), r.skipped(),
                            estimate(r.pending(), handled, elapsed)))
                    .withButtonRow(Button.action(texts.stop(), BroadcastCommand.cancelPayload(id)));
        }
        ChatAddress chat = new ChatAddress((String) b.get("progress_channel"), (String) b.get("progress_chat_id"));
        Delivery delivery = channels.edit(chat, (String) b.get("progress_message_id"), reply);
        if (over && delivery.status() != Delivery.Status.RATE_LIMITED) {
            // the final report is shown (or the message is gone): nothing more to do for this one
            jdbc.update("update broadcast set progress_final = true where id = ?", id);
        }
        if (!delivery.isSent()) {
            log.debug("Progress of broadcast {} not shown: {}", id, delivery.status());
        }
        return delivery.isSent();
    }

    /**
     * Time left for {@code pending} messages: at the pace so far once there is one, else at the
     * channel's budget.
     */
    Duration estimate(int pending, int handled, Duration elapsed) {
        double perSecond;
        if (handled > 0 && elapsed != null && elapsed.toMillis() >= 1000) {
            perSecond = handled * 1000.0 / elapsed.toMillis();
        } else {
            perSecond = budget.limit("telegram").budgetPerSecond();
        }
        return Duration.ofSeconds((long) Math.ceil(pending / Math.max(0.1, perSecond)));
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "broadcast-progress");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 20;
    }

    private void run() {
        Instant nextSweep = Instant.EPOCH;
        while (running) {
            try {
                refreshDue();
                if (clock.instant().isAfter(nextSweep)) {
                    drafts.deleteStale(clock.instant());
                    nextSweep = clock.instant().plus(DRAFT_SWEEP);
                }
                Thread.sleep(TICK.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Broadcast progress hit an error, retrying: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
