package ru.kruzhok.channel;

/**
 * A person asked to be forgotten: a channel that keeps copies of the conversation (the web chat
 * stores what the bot said so a browser can fetch it again) deletes them. Published by whoever
 * handles the request, so channels need not know which feature that is.
 */
public record ChatHistoryErased(ChatAddress chat) {
}
