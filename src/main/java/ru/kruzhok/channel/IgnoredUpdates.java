package ru.kruzhok.channel;

import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Drops what the bot must never answer: other bots, edits of old messages, channel posts. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IgnoredUpdates implements IncomingFilter {
    @Override
    public Optional<List<Reply>> intercept(Incoming incoming) {
        if (incoming.fromBot() || incoming.edited() || incoming.chatKind() == Incoming.ChatKind.CHANNEL) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }
}
