package ru.kruzhok.channel;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one entry point for updates from every channel. It handles the updates of one chat strictly
 * in order and different chats in parallel, handles a redelivered update once, runs the
 * {@link IncomingFilter filters} and the {@link ConversationHandler}, and hands the replies to the
 * chat's channel. Whatever goes wrong, the person gets a kind sentence, never a stack trace.
 */
@Component
public class UpdateDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
    static final String SORRY = "Ой, у нас небольшая техническая заминка 🙏 Попробуйте, пожалуйста, ещё раз через минуту.";

    private final ProcessedUpdates processed;
    private final KnownChats knownChats;
    private final List<IncomingFilter> filters;
    private final ConversationHandler handler;
    private final ChannelRegistry channels;
    private final ExecutorService pool;
    private final ChatSerialExecutor serial;
    private final Timer handling;
    private final Counter duplicates;
    private final Counter heldElsewhere;
    private final MeterRegistry meters;
    private final AtomicInteger inFlight = new AtomicInteger();

    UpdateDispatcher(ProcessedUpdates processed, KnownChats knownChats, List<IncomingFilter> filters,
                     ConversationHandler handler, ChannelRegistry channels, MeterRegistry meters,
                     DispatcherProperties properties) {
        this.processed = processed;
        this.knownChats = knownChats;
        this.filters = filters;
        this.handler = handler;
        this.channels = channels;
        this.meters = meters;
        this.pool = Executors.newFixedThreadPool(properties.workers(), namedThreads());
        this.serial = new ChatSerialExecutor(pool);
        this.handling = Timer.builder("kruzhok.updates.handling")
                .description("Time from receiving an update to handing its replies to the channel")
                .publishPercentileHistogram()
                .register(meters);
        this.duplicates = Counter.builder("kruzhok.updates.duplicates").register(meters);
        this.heldElsewhere = Counter.builder("kruzhok.updates.claim_waits")
                .description("Waits for an update claimed by another (or a dead) instance").register(meters);
        meters.gauge("kruzhok.updates.in_flight", inFlight);
    }

    /**
     * Queues the update behind earlier ones of the same chat. The future completes once the replies
     * were handed to the channel (or the update was recognised as a duplicate); it never completes
     * exceptionally for a handler error, since the person already got an apology.
     */
    public CompletableFuture<Void> dispatch(Incoming incoming) {
        inFlight.incrementAndGet();
        return serial.submit(incoming.chat().key(), () -> {
            try {
                handleInOrder(incoming);
            } finally {
                inFlight.decrementAndGet();
            }
            return (Void) null;
        });
    }

    private void handleInOrder(Incoming incoming) {
        long started = System.nanoTime();
        List<Reply> replies;
        try {
            if (!claimWithRetry(incoming)) {
                duplicates.increment();
                return;
            }
            replies = handleWithRetry(incoming);
        } catch (RuntimeException e) {
            // Never log the message text: it may carry a child's name or a phone number.
            log.error("Update {} in {} failed: {}", incoming.updateKey(), incoming.chat(), e.toString(), e);
            releaseQuietly(incoming);
            replies = incoming.isPrivate() ? List.of(Reply.text(SORRY)) : List.of();
        }
        long elapsed = System.nanoTime() - started;
        handling.record(elapsed, TimeUnit.NANOSECONDS);
        meters.counter("kruzhok.updates.handled", "channel", incoming.chat().channel()).increment();
        for (Reply reply : replies) {
            Delivery delivery = channels.deliver(incoming.chat(), reply);
            meters.counter("kruzhok.sends", "channel", incoming.chat().channel(),
                    "outcome", delivery.status().name().toLowerCase()).increment();
            if (delivery.status() == Delivery.Status.UNREACHABLE) {
                break;
            }
        }
        answeredQuietly(incoming);
    }

    /**
     * True when this instance now holds the update. A claim held by another instance (or by this
     * one's previous life, before a restart) is waited for: either it gets answered, and this is a
     * duplicate, or its lease runs out and the update is taken over. The chat's later updates wait
     * behind it, which keeps them in order.
     */
    private boolean claimWithRetry(Incoming incoming) {
        long deadline = System.nanoTime() + processed.lease().plusSeconds(5).toNanos();
        while (true) {
            ProcessedUpdates.Claim claim;
            try {
                claim = processed.claim(incoming.updateKey());
            } catch (TransientDataAccessException | org.springframework.jdbc.CannotGetJdbcConnectionException e) {
                pause();
                claim = processed.claim(incoming.updateKey());
            }
            switch (claim) {
                case CLAIMED:
                    return true;
                case ANSWERED:
                    return false;
                default:
                    if (System.nanoTime() > deadline) {
                        // the other holder keeps renewing nothing yet never answers: leave it to it
                        log.warn("Update {} stays claimed by another instance; leaving it there", incoming.updateKey());
                        return false;
                    }
                    heldElsewhere.increment();
                    pause();
            }
        }
    }

    private void answeredQuietly(Incoming incoming) {
        try {
            processed.answered(incoming.updateKey());
        } catch (RuntimeException e) {
            // the replies went out; a redelivery after the lease may answer once more, nothing is lost
            log.warn("Could not mark update {} answered: {}", incoming.updateKey(), e.getClass().getSimpleName());
        }
    }

    /** A database that blips for a moment should not cost the parent their message: one retry. */
    private List<Reply> handleWithRetry(Incoming incoming) {
        try {
            return handleOnce(incoming);
        } catch (DataAccessException e) {
            log.warn("Update {} hit a database error, retrying once: {}", incoming.updateKey(), e.getClass().getSimpleName());
            pause();
            return handleOnce(incoming);
        }
    }

    private List<Reply> handleOnce(Incoming received) {
        Incoming incoming = received.withCommandPayloadAsTyped();
        if (!incoming.fromBot()) {
            knownChats.seen(incoming.chat());
        }
        for (IncomingFilter filter : filters) {
            Optional<List<Reply>> result = filter.intercept(incoming);
            if (result.isPresent()) {
                return result.get();
            }
        }
        return handler.handle(incoming);
    }

    private void releaseQuietly(Incoming incoming) {
        try {
            processed.release(incoming.updateKey());
        } catch (RuntimeException ignored) {
            // the database is down; the update stays claimed and the person got an apology
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Lets in-flight updates finish (graceful shutdown), then stops the workers. */
    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("{} updates were still being handled at shutdown", inFlight.get());
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory namedThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "dispatch-" + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        };
    }
}
