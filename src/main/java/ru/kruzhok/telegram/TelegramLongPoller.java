package ru.kruzhok.telegram;

import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling, by the one instance that holds the {@link PollingLock}.
 *
 * <p>Written on the TelegramBots client rather than its long-polling application because that one
 * acknowledges updates as soon as it fetches them. Here an update is acknowledged (by the next
 * getUpdates offset) only after the whole batch was handled, so an update that was in flight at a
 * crash or shutdown comes again and the dispatcher's de-duplication handles it exactly once.
 *
 * <p>It fetches nothing before the application is ready (every bean built, the dialogs loaded, the
 * webhook removed): some Bot API servers forget an update once it was handed out, so one fetched
 * while the dispatcher could not yet handle it would be lost.
 */
class TelegramLongPoller implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(TelegramLongPoller.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "channel_post");

    private final TelegramClient client;
    private final TelegramIntake intake;
    private final PollingLock lock;
    private final TelegramProperties properties;
    private final UnreadableUpdates unreadable;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile CompletableFuture<java.util.ArrayList<Update>> pendingPoll;
    private int offset;
    /** Handed to the dispatcher but not acknowledged yet, in update id order (only the poller thread touches it). */
    private final TreeMap<Integer, Handling> inFlight = new TreeMap<>();
    private static final long WAIT_FOR_PROGRESS_MS = 50;
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(60);

    private record Handling(CompletableFuture<Void> done, long startedNanos) {
    }

    TelegramLongPoller(TelegramClient client, TelegramIntake intake, PollingLock lock, TelegramProperties properties) {
        this.client = client;
        this.intake = intake;
        this.lock = lock;
        this.properties = properties;
        this.unreadable = new UnreadableUpdates(properties);
    }

    /** Only marks the poller started: polling begins when the application is ready. */
    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (running && thread == null) {
            thread = new Thread(this::run, "telegram-poller");
            thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        CompletableFuture<java.util.ArrayList<Update>> poll = pendingPoll;
        if (poll != null) {
            poll.cancel(true);
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(25));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop polling before the dispatcher and the database go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    boolean isPolling() {
        return running && lock.held();
    }

    private void run() {
        removeWebhook();
        boolean announcedStandby = false;
        while (running) {
            if (!lock.tryAcquire()) {
                if (!announcedStandby) {
                    log.info("Another instance is polling Telegram; standing by");
                    announcedStandby = true;
                }
                pause(properties.standbyRetry().toMillis());
                continue;
            }
            if (announcedStandby) {
                log.info("Took over Telegram polling");
                announcedStandby = false;
            }
            try {
                pollOnce();
            } catch (TelegramApiRequestException e) {
                if (Integer.valueOf(409).equals(e.getErrorCode())) {
                    log.warn("Telegram reports another getUpdates caller or a webhook (409); retrying");
                } else {
                    log.warn("getUpdates failed: {} {}", e.getErrorCode(), e.getApiResponse());
                }
                pause(3_000);
            } catch (Exception e) {
                if (running && !passUnreadable(e)) {
                    log.warn("getUpdates failed: {}", e.toString());
                    pause(3_000);
                }
            }
        }
    }

    /**
     * Fetches, hands on what is new, and acknowledges the updates handled so far. It does not wait
     * for a whole batch before fetching again: a flooding chat's updates, handled one after another,
     * must not keep other chats' newer updates from being fetched. Unhandled updates stay
     * unacknowledged, so Telegram hands them out again (they are then recognised as in flight here).
     */
    private void pollOnce() throws Exception {
        GetUpdates request = GetUpdates.builder()
                .offset(offset)
                .limit(100)
                .timeout((int) properties.pollTimeout().toSeconds())
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
        CompletableFuture<java.util.ArrayList<Update>> poll = client.executeAsync(request);
        pendingPoll = poll;
        List<Update> updates = poll.get(properties.pollTimeout().toSeconds() + 20, TimeUnit.SECONDS);
        boolean fresh = false;
        for (Update update : updates == null ? List.<Update>of() : updates) {
            if (!inFlight.containsKey(update.getUpdateId())) {
                inFlight.put(update.getUpdateId(), new Handling(intake.accept(update), System.nanoTime()));
                fresh = true;
            }
        }
        if (!fresh && !inFlight.isEmpty()) {
            // Everything fetched is already being handled, and Telegram answers at once while
            // something is unacknowledged: wait a moment for one of them instead of spinning.
            try {
                CompletableFuture.anyOf(inFlight.values().stream().map(Handling::done)
                        .toArray(CompletableFuture[]::new)).get(WAIT_FOR_PROGRESS_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillBusy) {
                // poll again anyway: newer updates of other chats are waiting
            }
        }
        acknowledgeHandled();
    }

    /**
     * Moves the offset past the updates handled so far, in update order: the first one still in
     * flight stops it, so if this instance dies, that update comes again and another instance answers
     * it. One in flight past the limit (a handler that hangs) is acknowledged anyway: its claim is in
     * the database, and holding it would stop every chat once a batch holds nothing else.
     */
    private void acknowledgeHandled() {
        long now = System.nanoTime();
        while (!inFlight.isEmpty()) {
            Map.Entry<Integer, Handling> first = inFlight.firstEntry();
            boolean stuck = now - first.getValue().startedNanos() > STUCK_NANOS;
            if (!first.getValue().done().isDone() && !stuck) {
                return;
            }
            if (stuck && !first.getValue().done().isDone()) {
                log.warn("Update {} is still being handled after 60 s; acknowledging it", first.getKey());
            }
            offset = Math.max(offset, first.getKey() + 1); // a redelivered old update moves nothing back
            inFlight.pollFirstEntry();
        }
    }

    /** Long polling and a webhook exclude each other: a leftover webhook would answer every poll with 409. */
    private void removeWebhook() {
        try {
            client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        } catch (Exception e) {
            log.warn("Could not remove a Telegram webhook before polling: {}", e.toString());
        }
    }

    /**
     * A batch the client cannot read would come back forever: take its updates one at a time, handle
     * the readable ones, and skip (acknowledge unhandled) the one that cannot be read. Returns false
     * when the failure was something else (network, Telegram), which is simply retried.
     */
    private boolean passUnreadable(Exception e) {
        String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
        if (!message.contains("Unable to deserialize")) {
            return false;
        }
        Optional<UnreadableUpdates.First> first = unreadable.first(offset);
        if (first.isEmpty()) {
            return false;
        }
        if (first.get().update() == null) {
            // Only the id: the update's content may hold a parent's message.
            log.error("Update {} cannot be read by the Telegram client; skipping it", first.get().updateId());
        } else {
            try {
                intake.accept(first.get().update()).get(60, TimeUnit.SECONDS);
            } catch (Exception handling) {
                log.warn("Update {} was not handled in time: {}", first.get().updateId(), handling.toString());
            }
        }
        offset = first.get().updateId() + 1;
        return true;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
