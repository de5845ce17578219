package ru.kruzhok.channel;

/**
 * Counts replies to people chatting against a channel's send budget. The {@link ChannelRegistry}
 * calls it for every reply and edit it hands to a channel, so bulk sending (which takes its tokens
 * itself) leaves room for them; on a platform with a strict request limit it may hold the reply
 * for its turn, a fraction of a second. Implemented by the broadcast feature's
 * shared budget; without one, replies are simply not counted.
 */
public interface SendCounter {

    /** One reply or edit is about to be sent on {@code channel}; returns when it may go. */
    void interactive(String channel);
}
