package ru.kruzhok.channel;

import java.time.Duration;

/**
 * The outcome of handing one reply to a channel.
 *
 * @param messageId  the platform id of the (last) message sent, when {@link Status#SENT}
 * @param retryAfter how long the platform asked us to wait, when {@link Status#RATE_LIMITED}
 * @param detail     a short reason for failures; never contains message text
 */
public record Delivery(Status status, String messageId, Duration retryAfter, String detail) {

    public enum Status { SENT, RATE_LIMITED, UNREACHABLE, FAILED }

    public static Delivery sent(String messageId) {
        return new Delivery(Status.SENT, messageId, null, null);
    }

    public static Delivery rateLimited(Duration retryAfter) {
        return new Delivery(Status.RATE_LIMITED, null, retryAfter, "rate limited");
    }

    public static Delivery unreachable(String detail) {
        return new Delivery(Status.UNREACHABLE, null, null, detail);
    }

    public static Delivery failed(String detail) {
        return new Delivery(Status.FAILED, null, null, detail);
    }

    public boolean isSent() {
        return status == Status.SENT;
    }
}
