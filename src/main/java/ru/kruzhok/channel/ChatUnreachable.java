package ru.kruzhok.channel;

/** Published when a platform tells us a chat can no longer be written to (blocked the bot, deleted). */
public record ChatUnreachable(ChatAddress chat, String reason) {
}
