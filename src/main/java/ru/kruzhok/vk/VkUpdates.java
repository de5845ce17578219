package ru.kruzhok.vk;

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
 * Turns a VK community event (Bots Long Poll or Callback API, the same JSON) into the
 * platform-neutral {@link Incoming}; empty for events the bot ignores. A chat is its {@code peer_id}
 * (a person's id, or 2,000,000,000 + n for a group chat). A link {@code vk.me/<community>?ref=s_…}
 * puts {@code ref} on the first message, which becomes {@code /start s_…} as Telegram's deep link;
 * the «Начать» button of a new conversation ({"command":"start"}) becomes {@code /start}.
 */
final class VkUpdates {

    static final String CHANNEL = "vk";
    /** VK's peer ids of group chats start here. */
    static final long GROUP_CHAT_PEERS = 2_000_000_000L;

    Optional<Incoming> translate(JsonNode event) {
        return switch (String.valueOf(text(event, "type"))) {
            case "message_new" -> fromMessage(event.path("object").path("message"));
            case "message_event" -> fromButton(event.path("object"));
            default -> Optional.empty();
        };
    }

    private Optional<Incoming> fromMessage(JsonNode message) {
        String id = text(message, "id");
        String peer = text(message, "peer_id");
        String from = text(message, "from_id");
        if (id == null || peer == null || from == null) {
            return Optional.empty();
        }
        String raw = text(message, "text");
        String typed = raw == null ? "" : raw.strip();
        String ref = text(message, "ref");
        String payload = text(message, "payload");
        if (ref != null && !ref.isBlank()) {
            typed = "/start " + ref.strip();
        } else if (payload != null && payload.contains("\"command\"") && payload.contains("\"start\"")) {
            typed = "/start";
        }
        IncomingAttachment attachment = attachmentOf(message);
        Type type = attachment != null && !typed.startsWith("/start") ? Type.ATTACHMENT
                : typed.isEmpty() ? Type.EMPTY : typed.startsWith("/") ? Type.COMMAND : Type.TEXT;
        String replyTo = text(message.path("reply_message"), "id");
        return Optional.of(new Incoming(CHANNEL + ":m:" + id, new ChatAddress(CHANNEL, peer), from, kindOf(peer), type,
                typed, null, type == Type.ATTACHMENT ? attachment : null, from.startsWith("-"), false, id, replyTo,
                null, Instant.now()));
    }

    private Optional<Incoming> fromButton(JsonNode event) {
        String eventId = text(event, "event_id");
        String peer = text(event, "peer_id");
        String user = text(event, "user_id");
        if (eventId == null || peer == null || user == null) {
            return Optional.empty();
        }
        String payload = text(event.path("payload"), "p");
        return Optional.of(new Incoming(CHANNEL + ":e:" + eventId, new ChatAddress(CHANNEL, peer), user, kindOf(peer),
                Type.BUTTON, "", payload == null ? "" : payload, null, false, false,
                text(event, "conversation_message_id"), null, null, Instant.now()));
    }

    static ChatKind kindOf(String peerId) {
        try {
            return Long.parseLong(peerId) >= GROUP_CHAT_PEERS ? ChatKind.GROUP : ChatKind.PRIVATE;
        } catch (NumberFormatException e) {
            return ChatKind.GROUP;
        }
    }

    private static IncomingAttachment attachmentOf(JsonNode message) {
        if (message.path("geo").isObject()) {
            return new IncomingAttachment(Kind.LOCATION, null, null, null);
        }
        for (JsonNode a : message.path("attachments")) {
            String type = String.valueOf(text(a, "type"));
            JsonNode item = a.path(type);
            switch (type) {
                case "photo": {
                    String url = null;
                    long largest = -1;
                    for (JsonNode size : item.path("sizes")) {
                        long area = size.path("width").asLong(0) * size.path("height").asLong(0);
                        if (area >= largest) {
                            largest = area;
                            url = text(size, "url");
                        }
                    }
                    return new IncomingAttachment(Kind.PHOTO, url, null, "image/jpeg");
                }
                case "doc":
                    return new IncomingAttachment(Kind.DOCUMENT, text(item, "url"), text(item, "title"), null);
                case "sticker":
                    return new IncomingAttachment(Kind.STICKER, null, null, null);
                case "audio_message":
                    return new IncomingAttachment(Kind.VOICE, null, null, null);
                case "audio":
                    return new IncomingAttachment(Kind.AUDIO, null, null, null);
                case "video":
                    return new IncomingAttachment(Kind.VIDEO, null, null, null);
                default:
                    return new IncomingAttachment(Kind.OTHER, null, null, null);
            }
        }
        return null;
    }
}
