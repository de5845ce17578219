package ru.kruzhok.channel;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One platform update turned into something every feature understands: who wrote, in which chat,
 * and what (text, a command, a button press, an attachment). Channel adapters build it; nothing in
 * it knows which messenger it came from except {@link ChatAddress#channel()}.
 *
 * @param updateKey      unique per platform update, so a redelivered update is handled once
 * @param chat           the chat to answer in
 * @param userId         the platform's id of the person (may equal the chat id in private chats)
 * @param chatKind       private chat, group or channel
 * @param type           what the person did
 * @param text           message text, command line, caption or shared phone; never null
 * @param payload        the button payload for {@link Type#BUTTON}, otherwise null
 * @param attachment     what was attached, when {@link Type#ATTACHMENT}
 * @param fromBot        sent by another bot
 * @param edited         an edit of an earlier message
 * @param messageId      the platform's id of this message (or of the message whose button was pressed)
 * @param replyToMessageId the platform id of the bot message this one replies to, if any
 * @param username       the platform user name without '@', if any
 * @param receivedAt     when the adapter received it
 * @param formatted      the text (or caption) with the sender's formatting as the bot's
 *                       {@link Markup}, when the channel reports formatting; null otherwise. Only
 *                       staff composing an announcement use it; everything else reads {@code text}.
 * @param threadId       the platform's id of the thread (a Telegram forum topic) the message was
 *                       written in, when the chat has threads; null otherwise
 */
public record Incoming(
        String updateKey,
        ChatAddress chat,
        String userId,
        ChatKind chatKind,
        Type type,
        String text,
        String payload,
        IncomingAttachment attachment,
        boolean fromBot,
        boolean edited,
        String messageId,
        String replyToMessageId,
        String username,
        Instant receivedAt,
        String formatted,
        String threadId) {

    public enum Type { TEXT, COMMAND, BUTTON, ATTACHMENT, CONTACT, EMPTY }

    public enum ChatKind { PRIVATE, GROUP, CHANNEL }

    /** An update without formatting information. */
    public Incoming(String updateKey, ChatAddress chat, String userId, ChatKind chatKind, Type type, String text,
                    String payload, IncomingAttachment attachment, boolean fromBot, boolean edited, String messageId,
                    String replyToMessageId, String username, Instant receivedAt) {
        this(updateKey, chat, userId, chatKind, type, text, payload, attachment, fromBot, edited, messageId,
                replyToMessageId, username, receivedAt, null, null);
    }

    /** An update outside any thread (every chat without topics). */
    public Incoming(String updateKey, ChatAddress chat, String userId, ChatKind chatKind, Type type, String text,
                    String payload, IncomingAttachment attachment, boolean fromBot, boolean edited, String messageId,
                    String replyToMessageId, String username, Instant receivedAt, String formatted) {
        this(updateKey, chat, userId, chatKind, type, text, payload, attachment, fromBot, edited, messageId,
                replyToMessageId, username, receivedAt, formatted, null);
    }

    public Incoming {
        Objects.requireNonNull(updateKey, "updateKey");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(type, "type");
        text = text == null ? "" : text;
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
    }

    /** A private-chat text or command from a person, the common case; handy for tests and the web chat. */
    public static Incoming text(String updateKey, ChatAddress chat, String userId, String text) {
        String trimmed = text == null ? "" : text.strip();
        Type type = trimmed.isEmpty() ? Type.EMPTY : trimmed.startsWith("/") ? Type.COMMAND : Type.TEXT;
        return new Incoming(updateKey, chat, userId, ChatKind.PRIVATE, type, trimmed, null, null,
                false, false, null, null, null, Instant.now());
    }

    /** A press on a button that carried {@code payload}. */
    public static Incoming button(String updateKey, ChatAddress chat, String userId, String payload) {
        return new Incoming(updateKey, chat, userId, ChatKind.PRIVATE, Type.BUTTON, "", payload, null,
                false, false, null, null, null, Instant.now());
    }

    /**
     * A button whose payload is a command (a notice's «Пройти опрос» carrying "/survey …") counts
     * as that command typed: such buttons live in old messages on purpose and are never stale.
     * Anything a parent could type is all a forged payload of this kind can do.
     */
    public Incoming withCommandPayloadAsTyped() {
        if (type != Type.BUTTON || payload == null || !payload.startsWith("/")) {
            return this;
        }
        return new Incoming(updateKey, chat, userId, chatKind, Type.COMMAND, payload.strip(), null, null, fromBot,
                edited, messageId, replyToMessageId, username, receivedAt);
    }

    /**
     * The text as the bot's markup: the sender's bold, italic and links kept when the channel
     * reported them, otherwise the plain text escaped.
     */
    public String textAsMarkup() {
        return formatted != null ? formatted : Markup.escape(text);
    }

    /** The command name without the slash and without a "@botname" suffix, lower case; null if not a command. */
    public String command() {
        if (type != Type.COMMAND && !(type == Type.ATTACHMENT && text.startsWith("/"))) {
            return null;
        }
        String head = text.split("\\s+", 2)[0].substring(1);
        int at = head.indexOf('@');
        if (at >= 0) {
            head = head.substring(0, at);
        }
        return head.toLowerCase(Locale.ROOT);
    }

    /** What follows the command, trimmed; empty when nothing does. */
    public String commandArgs() {
        String[] parts = text.split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }

    public boolean isPrivate() {
        return chatKind == ChatKind.PRIVATE;
    }
}
