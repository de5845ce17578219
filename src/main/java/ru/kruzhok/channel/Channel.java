package ru.kruzhok.channel;

import java.util.Optional;

/**
 * The port every messenger adapter implements. Features never see a platform API; they return
 * {@link Reply replies}, and the dispatcher or the notifications outbox hands them to a channel.
 */
public interface Channel {

    /** The channel's name as used in {@link ChatAddress#channel()}. */
    String name();

    /** The messenger's name as staff read it ("Telegram", "MAX", "ВКонтакте"): where a parent wrote from. */
    default String displayName() {
        return name();
    }

    /**
     * Sends a reply to a person who is talking to the bot right now. A platform's "too many requests"
     * is waited out once; a chat that blocked the bot is reported {@link Delivery.Status#UNREACHABLE}.
     */
    Delivery deliver(String chatId, Reply reply);

    /**
     * One attempt, no waiting: for bulk senders that keep their own pace and retry schedule.
     * Returns {@link Delivery.Status#RATE_LIMITED} with the platform's wait instead of sleeping.
     */
    default Delivery tryDeliver(String chatId, Reply reply) {
        return deliver(chatId, reply);
    }

    /**
     * {@link #tryDeliver} for bulk announcements, in the platform's paid high-throughput mode when
     * {@code paidBroadcast} is set and the platform has one (Telegram's {@code allow_paid_broadcast});
     * other channels send as usual.
     */
    default Delivery tryDeliver(String chatId, Reply reply, boolean paidBroadcast) {
        return tryDeliver(chatId, reply);
    }

    /**
     * Replaces the text and buttons of the bot's message {@code messageId} (from {@link Delivery#messageId()})
     * in place, e.g. a live progress report. Channels that cannot edit answer {@link Delivery.Status#FAILED}.
     */
    default Delivery edit(String chatId, String messageId, Reply reply) {
        return Delivery.failed("editing is not supported");
    }

    /**
     * Shows {@code commands} as the command menu in one chat only (staff see staff commands). Channels
     * without a command menu ignore it.
     */
    default void publishCommands(String chatId, java.util.List<BotCommand> commands) {
    }

    /**
     * The platform's send limits for this channel (messages a second for the whole bot, the pace to
     * one chat). The shared send budget paces bulk sending by them; the default suits channels that
     * only write to our own database.
     */
    default SendLimit sendLimit() {
        return SendLimit.web();
    }

    /**
     * Whether {@code chatId} is a private chat with one person rather than a group: each platform has
     * its own convention (Telegram and MAX groups have negative ids, VK group chats are peers from
     * 2,000,000,000 on), so core code asks the channel instead of reading ids.
     */
    default boolean isPersonalChat(String chatId) {
        return true;
    }

    /** Fetches a file a person sent, by the reference in {@link IncomingAttachment#fileRef()}. */
    default Optional<byte[]> download(String fileRef) {
        return Optional.empty();
    }

    /**
     * Sends a reply into a thread of a chat or as a reply to one of its messages (see {@link MessagePlace}).
     * Channels without threads send it as {@link #deliver} does.
     */
    default Delivery deliver(String chatId, MessagePlace place, Reply reply) {
        return deliver(chatId, reply);
    }

    /**
     * Opens a new thread titled {@code title} in a group (a Telegram forum topic) and returns its id
     * for {@link MessagePlace#threadId()}; empty when the chat has no threads (topics off, or a
     * platform without them), so the caller falls back to a reply chain.
     */
    default Optional<String> openThread(String chatId, String title) {
        return Optional.empty();
    }
}
