package ru.kruzhok.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * A long-polling loop run by the one instance holding the channel's {@link PollingLock}; the others
 * stand by and take over when it stops. Subclasses fetch and hand on one batch in
 * {@link #pollOnce()}, acknowledging it (moving their marker) only after it was handled, so an
 * update in flight at a crash comes again and the dispatcher's de-duplication handles it once.
 * Polling begins only when the application is ready, so nothing is fetched that cannot be handled.
 */
public abstract class LockedPoller implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final PollingLock lock;
    private final long standbyMillis;
    private volatile boolean running;
    private volatile Thread thread;

    protected LockedPoller(String name, PollingLock lock, java.time.Duration standbyRetry) {
        this.name = name;
        this.lock = lock;
        this.standbyMillis = standbyRetry.toMillis();
    }

    /** Fetches one batch (waiting for it), hands it to the dispatcher and waits until it was handled. */
    protected abstract void pollOnce() throws Exception;

    /** Only marks the poller started: polling begins when the application is ready. */
    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (running && thread == null) {
            thread = new Thread(this::run, name + "-poller");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(25_000);
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

    public boolean isPolling() {
        return running && lock.held();
    }

    protected boolean running() {
        return running;
    }

    private void run() {
        boolean standingBy = false;
        while (running) {
            if (!lock.tryAcquire()) {
                if (!standingBy) {
                    log.info("Another instance is polling {}; standing by", name);
                    standingBy = true;
                }
                pause(standbyMillis);
                continue;
            }
            if (standingBy) {
                log.info("Took over {} polling", name);
                standingBy = false;
            }
            try {
                pollOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    log.warn("{} polling failed: {}", name, e.toString());
                    pause(3_000);
                }
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
