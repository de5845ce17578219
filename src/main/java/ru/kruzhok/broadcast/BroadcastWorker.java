package ru.kruzhok.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.channel.SendCounter;
import ru.kruzhok.parent.ParentProfile;
import ru.kruzhok.parent.ParentProfiles;

/**
 * Sends the outbox. One loop thread starts due broadcasts and claims small batches of rows; a few
 * sender threads take a token from the {@link SendBudget}, send one row each and record the
 * outcome. Any number of workers (threads of one instance or several instances) may run over one
 * database: rows are claimed with SKIP LOCKED and every update checks the claim's lease.
 */
public class BroadcastWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcastWorker.class);

    private final String instanceId;
    private final Broadcasts broadcasts;
    private final BroadcastOutbox outbox;
    private final SendBudget budget;
    private final ChannelRegistry channels;
    private final KnownChats knownChats;
    private final ParentProfiles parents;
    private final BroadcastProperties properties;
    private final Clock clock;
    private final AtomicLong claims = new AtomicLong();
    /** The message of each broadcast being sent; weighed by its file, so a few photos cannot fill the heap. */
    private final Cache<Long, Reply> messages = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Long id, Reply r) -> 1024 + r.text().length() * 2 + (r.file() == null ? 0 : r.file().content().length))
            .build();

    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;
    private Semaphore room;

    BroadcastWorker(String instanceId, Broadcasts broadcasts, BroadcastOutbox outbox, SendBudget budget,
                    ChannelRegistry channels, KnownChats knownChats, ParentProfiles parents,
                    BroadcastProperties properties, Clock clock) {
        this.instanceId = instanceId;
        this.broadcasts = broadcasts;
        this.outbox = outbox;
        this.budget = budget;
        this.channels = channels;
        this.knownChats = knownChats;
        this.parents = parents;
        this.properties = properties;
        this.clock = clock;
    }

    public String instanceId() {
        return instanceId;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.workerEnabled()) {
            return;
        }
        running = true;
        room = new Semaphore(properties.batchSize() * 2);
        senders = Executors.newFixedThreadPool(properties.senders(), r -> {
            Thread t = new Thread(r, "broadcast-send-" + instanceId);
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "broadcast-" + instanceId);
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Stops claiming, lets sends under way finish, and gives rows claimed but not started back to
     * pending, so another instance (or this one after a restart) continues without a gap.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        try {
            loop.join(10_000);
            senders.shutdown();
            if (!senders.awaitTermination(20, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the web server and the database pool go away
        return Integer.MAX_VALUE - 10;
    }

    private void run() {
        int batch = properties.batchSize();
        while (running) {
            try {
                broadcasts.startDue();
                room.acquire(batch);
                List<OutboxRow> rows;
                try {
                    Instant now = clock.instant();
                    String lease = instanceId + "#" + claims.incrementAndGet();
                    rows = outbox.claim(lease, batch, now, now.minus(properties.lease()));
                } catch (RuntimeException e) {
                    room.release(batch);
                    throw e;
                }
                // room for rows not claimed now; a claimed row hands its permit back when its send ends
                room.release(batch - rows.size());
                for (OutboxRow row : rows) {
                    logTakeover(row);
                    senders.execute(() -> {
                        try {
                            deliver(row);
                        } catch (RuntimeException e) {
                            log.error("Broadcast row {} could not be handled: {}", row.id(), e.toString());
                        } finally {
                            room.release();
                        }
                    });
                }
                if (rows.isEmpty()) {
                    broadcasts.finishCompleted();
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Broadcast worker hit an error, retrying: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void logTakeover(OutboxRow row) {
        if (row.possiblySentBefore()) {
            // The only uncertain case: the previous owner stopped while this message was in flight.
            log.warn("Broadcast {} row {}: {} stopped while sending it at {}; sending again, the parent may get it twice",
                    row.broadcastId(), row.id(), row.previousOwner(), row.previousStarted());
        } else if (row.takenOver()) {
            log.info("Broadcast {} row {}: taken over from {} (never started there)", row.broadcastId(), row.id(),
                    row.previousOwner());
        }
    }

    /** One row: checks, a token, the platform call, the outcome. Never logs the chat or the text. */
    void deliver(OutboxRow row) {
        Duration chatWait = budget.perChatWait(row.chat());
        if (!chatWait.isZero()) {
            outbox.retry(row, clock.instant().plus(chatWait), false, null);
            return;
        }
        if (!knownChats.isReachable(row.chat())) {
            outbox.finish(row, BroadcastOutbox.Status.BLOCKED, "unreachable", clock.instant());
            return;
        }
        Optional<ParentProfile> profile = parents.find(row.chat());
        if (profile.isEmpty() || !profile.get().notifications()) {
            outbox.finish(row, BroadcastOutbox.Status.SKIPPED, "notifications off", clock.instant());
            return;
        }
        Optional<Channel> channel = channels.find(row.chat().channel());
        if (channel.isEmpty()) {
            outbox.finish(row, BroadcastOutbox.Status.FAILED, "no channel " + row.chat().channel(), clock.instant());
            return;
        }
        // Mark the start first and take the token last, so nothing slow (the database) sits between
        // the token and the platform call: sends reach the platform spaced as the tokens were.
        if (!outbox.start(row, clock.instant())) {
            outbox.release(row);
            return;
        }
        SendCounter.Permit permit = token(row);
        if (permit == null) {
            outbox.unstart(row);
            return;
        }
        Reply message = messages.get(row.broadcastId(), broadcasts::message);
        Delivery delivery;
        try (permit) {
            delivery = channel.get().tryDeliver(row.chat().chatId(), message, properties.paid().enabled());
        } catch (RuntimeException e) {
            delivery = Delivery.failed("network: " + e.getClass().getSimpleName());
        }
        recordDurably(row, delivery);
    }

    /**
     * The message went out (or was refused): that must reach the outbox even if the database is
     * away right now, or the row's lease runs out and it is sent again. So the outcome is retried
     * until the database answers (this sender holds its permit meanwhile, so no new rows are
     * claimed), for as long as the row's lease lasts; past that, another instance may already have
     * taken it over, and only then can a parent get the message twice.
     */
    private void recordDurably(OutboxRow row, Delivery delivery) {
        long deadline = System.nanoTime() + properties.lease().toNanos();
        while (true) {
            try {
                record(row, delivery);
                return;
            } catch (org.springframework.dao.DataAccessException e) {
                if (System.nanoTime() > deadline || !running) {
                    throw e;
                }
                log.warn("Broadcast row {}: could not record the outcome ({}); retrying", row.id(),
                        e.getClass().getSimpleName());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The send's place in the channel's budget, or null when the worker stops while waiting. */
    private SendCounter.Permit token(OutboxRow row) {
        try {
            return budget.acquire(row.chat().channel(), () -> !running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void record(OutboxRow row, Delivery delivery) {
        Instant now = clock.instant();
        switch (delivery.status()) {
            case SENT -> outbox.finish(row, BroadcastOutbox.Status.SENT, null, now);
            case UNREACHABLE -> outbox.finish(row, BroadcastOutbox.Status.BLOCKED, delivery.detail(), now);
            case RATE_LIMITED -> {
                Duration wait = delivery.retryAfter() == null ? Duration.ofSeconds(1) : delivery.retryAfter();
                log.warn("{} answered 429: pausing bulk sending for {} s", row.chat().channel(), wait.toSeconds());
                budget.penalize(row.chat().channel(), wait);
                outbox.retry(row, now.plus(wait), false, "rate limited");
            }
            case FAILED -> {
                int attempts = row.attempts() + 1;
                if (retryable(delivery.detail()) && attempts < properties.maxAttempts()) {
                    Duration backoff = properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
                    outbox.retry(row, now.plus(backoff), true, delivery.detail());
                } else {
                    outbox.finish(row, BroadcastOutbox.Status.FAILED, delivery.detail(), now);
                }
            }
        }
    }

    /** Network trouble and the platform's own 5xx pass; a 400 (bad request) will not get better. */
    static boolean retryable(String detail) {
        return detail != null && (detail.startsWith("network") || detail.startsWith("5"));
    }
}
