package ru.kruzhok.channel;

/**
 * Where in a chat a message goes when it belongs to a conversation thread: a thread of the chat (a
 * Telegram forum topic, from {@link Channel#openThread}) and/or the message it answers (a reply
 * chain). Channels without threads or replies ignore what they cannot show and send a plain message.
 *
 * @param threadId         the chat's thread to post in, or null
 * @param replyToMessageId the message this one replies to, or null; a reply to a message that is
 *                         gone is sent as a plain message rather than refused
 */
public record MessagePlace(String threadId, String replyToMessageId) {

    public static MessagePlace inThread(String threadId) {
        return new MessagePlace(threadId, null);
    }

    public static MessagePlace replyTo(String messageId) {
        return new MessagePlace(null, messageId);
    }
}
