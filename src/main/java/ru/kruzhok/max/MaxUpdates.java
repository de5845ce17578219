package ru.kruzhok.max;

import java.time.Instant;
import java.util.Optional;

import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Incoming.ChatKind;
import ru.kruzhok.channel.Incoming.Type;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.IncomingAttachment.Kind;
import tools.jackson.databind.JsonNode;

import static ru.kruzhok.channel.PlatformHttp.text;

/**
 * Turns a MAX update (JSON) into the platform-neutral {@link Incoming}; empty for updates the bot
 * ignores. A private chat is addressed by the person's user id (MAX's dialog chat ids carry no
 * sign of being private, and {@code POST /messages?user_id=} reaches the dialog), a group chat by
 * its chat id, which MAX gives negative. The start button's payload (a deep link
 * {@code max.ru/<bot>?start=s_…}) becomes {@code /start s_…}, as Telegram's.
 *
 * <p>MAX updates have no id of their own; the key is the message id, the callback id, or the
 * person and time of a start, which are the same when MAX delivers an update again.
 */
final class MaxUpdates {

    static final String CHANNEL = "max";

    Optional<Incoming> translate(JsonNode update) {
        String type = String.valueOf(text(update, "update_type"));
        return switch (type) {
            case "message_created" -> fromMessage(update.path("message"));
            case "message_callback" -> fromCallback(update);
            case "bot_started" -> fromStart(update);
            default -> Optional.empty();
        };
    }

    private Optional<Incoming> fromMessage(JsonNode message) {
        JsonNode body = message.path("body");
        String mid = text(body, "mid");
        JsonNode sender = message.path("sender");
        String userId = text(sender, "user_id");
        if (mid == null || userId == null) {
            return Optional.empty();
        }
        ChatKind kind = kindOf(message.path("recipient"));
        ChatAddress chat = address(kind, userId, message.path("recipient"));
        String raw = text(body, "text");
        String stripped = raw == null ? "" : raw.strip();
        IncomingAttachment attachment = attachmentOf(body.path("attachments"));
        Type t = attachment != null ? Type.ATTACHMENT
                : stripped.isEmpty() ? Type.EMPTY : stripped.startsWith("/") ? Type.COMMAND : Type.TEXT;
        JsonNode link = message.path("link");
        String replyTo = "reply".equals(text(link, "type")) ? text(link.path("message"), "mid") : null;
        return Optional.of(new Incoming(CHANNEL + ":" + mid, chat, userId, kind, t, stripped, null, attachment,
                sender.path("is_bot").asBoolean(false), false, mid, replyTo, text(sender, "username"), Instant.now()));
    }

    private Optional<Incoming> fromCallback(JsonNode update) {
        JsonNode callback = update.path("callback");
        String id = text(callback, "callback_id");
        JsonNode user = callback.path("user");
        String userId = text(user, "user_id");
        if (id == null || userId == null) {
            return Optional.empty();
        }
        JsonNode message = update.path("message");
        ChatKind kind = kindOf(message.path("recipient"));
        String payload = text(callback, "payload");
        return Optional.of(new Incoming(CHANNEL + ":cb:" + id, address(kind, userId, message.path("recipient")), userId,
                kind, Type.BUTTON, "", payload == null ? "" : payload, null, user.path("is_bot").asBoolean(false), false,
                text(message.path("body"), "mid"), null, text(user, "username"), Instant.now()));
    }

    private Optional<Incoming> fromStart(JsonNode update) {
        JsonNode user = update.path("user");
        String userId = text(user, "user_id");
        if (userId == null) {
            return Optional.empty();
        }
        String payload = text(update, "payload");
        String command = payload == null || payload.isBlank() ? "/start" : "/start " + payload.strip();
        String key = CHANNEL + ":start:" + userId + ":" + text(update, "timestamp");
        return Optional.of(new Incoming(key, new ChatAddress(CHANNEL, userId), userId, ChatKind.PRIVATE, Type.COMMAND,
                command, null, null, false, false, null, null, text(user, "username"), Instant.now()));
    }

    private static ChatKind kindOf(JsonNode recipient) {
        String type = text(recipient, "chat_type");
        if (type == null || "dialog".equals(type)) {
            return ChatKind.PRIVATE;
        }
        return "channel".equals(type) ? ChatKind.CHANNEL : ChatKind.GROUP;
    }

    private static ChatAddress address(ChatKind kind, String userId, JsonNode recipient) {
        String chatId = text(recipient, "chat_id");
        return new ChatAddress(CHANNEL, kind == ChatKind.PRIVATE || chatId == null ? userId : chatId);
    }

    /** The first attachment that is not a keyboard. */
    private static IncomingAttachment attachmentOf(JsonNode attachments) {
        for (JsonNode a : attachments) {
            String type = String.valueOf(text(a, "type"));
            JsonNode payload = a.path("payload");
            switch (type) {
                case "inline_keyboard":
                    continue;
                case "image":
                    return new IncomingAttachment(Kind.PHOTO, text(payload, "url"), null, "image/jpeg");
                case "file":
                    return new IncomingAttachment(Kind.DOCUMENT, text(payload, "url"), text(a, "filename"), null);
                case "sticker":
                    return new IncomingAttachment(Kind.STICKER, null, null, null);
                case "audio":
                    return new IncomingAttachment(Kind.VOICE, null, null, null);
                case "video":
                    return new IncomingAttachment(Kind.VIDEO, null, null, null);
                case "location":
                    return new IncomingAttachment(Kind.LOCATION, null, null, null);
                default:
                    return new IncomingAttachment(Kind.OTHER, null, null, null);
            }
        }
        return null;
    }
}
