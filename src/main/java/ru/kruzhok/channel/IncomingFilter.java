package ru.kruzhok.channel;

import java.util.List;
import java.util.Optional;

/**
 * Runs before the conversation handler, in {@link org.springframework.core.annotation.Order order}:
 * flood control, ignoring chats the bot must not talk in, staff commands. Returning a value stops
 * the chain with those replies (an empty list means "handled, say nothing").
 */
public interface IncomingFilter {
    Optional<List<Reply>> intercept(Incoming incoming);
}
