package ru.kruzhok.channel;

/**
 * Counts replies to people chatting against a channel's send budget. The {@link ChannelRegistry}
 * calls it for every reply and edit it hands to a channel, so bulk sending (which takes its tokens
 * itself) leaves room for them; on a platform with a strict request limit it may hold the reply
 * for its turn, a fraction of a second. Implemented by the broadcast feature's
 * shared budget; without one, replies are simply not counted.
 */
public interface SendCounter {

    /**
     * One reply or edit is about to be sent on {@code channel}; returns when it may go. Close the
     * permit when the platform has answered the call (platforms count a call until then).
     */
    Permit interactive(String channel);

    /** {@link #interactive} of the counter if the deployment has one; the budget never fails a call. */
    static Permit interactive(SendCounter counter, String channel) {
        try {
            return counter == null ? Permit.NONE : counter.interactive(channel);
        } catch (RuntimeException e) {
            return Permit.NONE;
        }
    }

    /** A call's place in the channel's budget, held until the platform has answered it. */
    interface Permit extends AutoCloseable {

        Permit NONE = () -> { };

        @Override
        void close();
    }
}
