package ru.kruzhok.channel;

import java.util.List;

/**
 * Decides what the bot answers. Exactly one exists (the dialog engine); it runs for one chat at a
 * time, in the order the chat's updates arrived.
 */
public interface ConversationHandler {
    List<Reply> handle(Incoming incoming);
}
