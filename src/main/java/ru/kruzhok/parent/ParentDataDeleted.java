package ru.kruzhok.parent;

import ru.kruzhok.channel.ChatAddress;

/** Published when a parent deleted their data; features holding anything about the chat delete it too. */
public record ParentDataDeleted(ChatAddress chat) {
}
