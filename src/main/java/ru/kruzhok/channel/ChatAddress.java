package ru.kruzhok.channel;

import java.util.Objects;

/** Where a conversation happens: a channel ("telegram", "web", …) and that channel's own chat id. */
public record ChatAddress(String channel, String chatId) {
    public ChatAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chatId, "chatId");
    }

    /** A single string key, used for per-chat ordering and caches. */
    public String key() {
        return channel + ":" + chatId;
    }

    @Override
    public String toString() {
        return key();
    }
}
