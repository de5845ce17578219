package ru.kruzhok.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Finds the adapter for a chat's channel; adapters register themselves simply by being beans. */
@Component
public class ChannelRegistry {

    private final Map<String, Channel> channels;

    public ChannelRegistry(List<Channel> channels) {
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
    }

    public Optional<Channel> find(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    public Delivery deliver(ChatAddress chat, Reply reply) {
        return find(chat.channel())
                .map(channel -> channel.deliver(chat.chatId(), reply))
                .orElseGet(() -> Delivery.failed("no channel " + chat.channel()));
    }

    /** Edits the bot's message {@code messageId} in the chat (see {@link Channel#edit}). */
    public Delivery edit(ChatAddress chat, String messageId, Reply reply) {
        return find(chat.channel())
                .map(channel -> channel.edit(chat.chatId(), messageId, reply))
                .orElseGet(() -> Delivery.failed("no channel " + chat.channel()));
    }
}
