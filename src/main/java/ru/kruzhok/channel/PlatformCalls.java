package ru.kruzhok.channel;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The rule every channel applies to "too many requests" (see {@link Channel#deliver} and
 * {@link Channel#tryDeliver}): a reply to a person chatting waits the platform's pause out once, a
 * bulk send reports it to its caller, which keeps its own pace.
 */
public final class PlatformCalls {

    private PlatformCalls() {
    }

    /**
     * Runs {@code call}; when it is rate limited and {@code waitOnce} is set, sleeps the platform's
     * wait (at most {@code maxWait}) and runs it once more.
     */
    public static Delivery withOneWait(Supplier<Delivery> call, boolean waitOnce, Duration maxWait) {
        Delivery delivery = call.get();
        if (delivery.status() != Delivery.Status.RATE_LIMITED || !waitOnce) {
            return delivery;
        }
        Duration wait = delivery.retryAfter() == null ? Duration.ofSeconds(1) : delivery.retryAfter();
        try {
            Thread.sleep((wait.compareTo(maxWait) > 0 ? maxWait : wait).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return delivery;
        }
        return call.get();
    }
}
