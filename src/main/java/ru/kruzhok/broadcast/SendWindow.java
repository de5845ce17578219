package ru.kruzhok.broadcast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

import ru.kruzhok.channel.SendCounter;

/**
 * The last guard before a platform call: at most {@code limit} calls of this instance that the
 * platform may still be counting in its sliding window. MAX and VK refuse a request over their
 * limit in any sliding second; the token bucket books an exact pace, but a call is counted by the
 * platform when it arrives, somewhere between leaving here and its answer coming back, so a call
 * delayed on the way (a busy machine: 100 ms is common at a load average of 12) lands in the same
 * second as the next ones — the MAX benchmark met 30 requests in 0.84 s that way. So a call holds
 * its place from the moment it leaves until {@code windowNanos} after its answer: whatever the
 * delays, no window of the platform can hold more than {@code limit} of them. The price is the
 * round trip added to each window (a few milliseconds on a healthy network).
 *
 * <p>Written by hand: Bucket4j and Resilience4j limit with buckets and refresh periods; neither
 * counts calls until their answer.
 */
final class SendWindow {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Deque<Call> calls = new ArrayDeque<>();

    SendWindow(int limit, long windowNanos, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("a send window holds at least one call");
        }
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
    }

    /** Waits until one more call fits and counts it as leaving now; close the permit on its answer. */
    synchronized SendCounter.Permit enter() throws InterruptedException {
        while (true) {
            long now = nanoTime.getAsLong();
            calls.removeIf(c -> c.countedUntil <= now);
            if (calls.size() < limit) {
                Call call = new Call();
                calls.addLast(call);
                return () -> finish(call);
            }
            long soonest = calls.stream().mapToLong(c -> c.countedUntil).min().orElse(Long.MAX_VALUE);
            // every place is held by a call still waiting for its answer: its finish wakes us
            long waitNanos = soonest == Long.MAX_VALUE ? 50_000_000L : soonest - now;
            wait(Math.max(1, waitNanos / 1_000_000), (int) Math.min(999_999, waitNanos % 1_000_000));
        }
    }

    private synchronized void finish(Call call) {
        if (call.countedUntil == Long.MAX_VALUE) {
            call.countedUntil = nanoTime.getAsLong() + windowNanos;
            notifyAll();
        }
    }

    /** Calls the platform may be counting now (for tests and diagnostics). */
    synchronized int inWindow() {
        long now = nanoTime.getAsLong();
        return (int) calls.stream().filter(c -> c.countedUntil > now).count();
    }

    private static final class Call {
        long countedUntil = Long.MAX_VALUE;
    }
}
