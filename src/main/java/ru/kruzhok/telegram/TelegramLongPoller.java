package ru.kruzhok.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
 */
class TelegramLongPoller implements SmartLifecycle {

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

    TelegramLongPoller(TelegramClient client, TelegramIntake intake, PollingLock lock, TelegramProperties properties) {
        this.client = client;
        this.intake = intake;
        this.lock = lock;
        this.properties = properties;
        this.unreadable = new UnreadableUpdates(properties);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "telegram-poller");
        thread.start();
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
        if (updates == null || updates.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> handled = new ArrayList<>(updates.size());
        for (Update update : updates) {
            handled.add(intake.accept(update));
        }
        try {
            CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("A batch of {} updates took over 60 s; acknowledging it anyway", updates.size());
        }
        // Acknowledge only now, by asking from the next offset.
        offset = updates.get(updates.size() - 1).getUpdateId() + 1;
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
