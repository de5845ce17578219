package ru.kruzhok.broadcast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The last guard before a platform call: at most {@code limit} calls of this instance in any
 * window of {@code windowNanos}, counted when the call is about to leave, not when its token was
 * booked. MAX and VK refuse a request over their limit in any sliding second; the token bucket
 * books an exact pace, but a sender that wakes late (a busy machine: 100 ms is common at a load
 * average of 12) sends later than its slot and lands in the same second as the next ones — the MAX
 * benchmark met 30 requests in 0.84 s that way. Written by hand: Bucket4j and Resilience4j limit
 * with buckets and refresh periods, neither keeps a sliding log of what actually left.
 */
final class SendWindow {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Deque<Long> sent = new ArrayDeque<>();

    SendWindow(int limit, long windowNanos, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("a send window holds at least one call");
        }
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
    }

    /** Waits until one more call fits the window and counts it as leaving now. */
    synchronized void enter() throws InterruptedException {
        while (true) {
            long now = nanoTime.getAsLong();
            while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                sent.pollFirst();
            }
            if (sent.size() < limit) {
                sent.addLast(now);
                return;
            }
            long waitNanos = sent.peekFirst() + windowNanos - now;
            wait(Math.max(1, waitNanos / 1_000_000), (int) Math.min(999_999, waitNanos % 1_000_000));
        }
    }

    /** Calls counted in the window now (for tests and diagnostics). */
    synchronized int inWindow() {
        long now = nanoTime.getAsLong();
        return (int) sent.stream().filter(t -> now - t < windowNanos).count();
    }
}
