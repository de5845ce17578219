package ru.kruzhok.channel;

/**
 * Counts replies to people chatting against a channel's send budget, never delaying them. The
 * {@link ChannelRegistry} calls it for every reply and edit it hands to a channel, so bulk sending
 * (which takes its tokens itself) leaves room for them. Implemented by the broadcast feature's
 * shared budget; without one, replies are simply not counted.
 */
public interface SendCounter {

    /** One reply or edit is about to be sent on {@code channel}. */
    void interactive(String channel);
}
