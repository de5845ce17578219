package ru.kruzhok.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds the adapter for a chat's channel; adapters register themselves simply by being beans.
 *
 * <p>Replies to people chatting ({@link #deliver}, {@link #edit}) go through here, and each is
 * counted in the channel's send budget ({@link SendCounter}) first, without waiting, so bulk sending
 * yields to it. Bulk senders call {@link Channel#tryDeliver} on the channel itself after taking a
 * token, so they are never counted twice.
 */
@Component
public class ChannelRegistry {

    private final Map<String, Channel> channels;
    private final ObjectProvider<SendCounter> counter;

    public ChannelRegistry(List<Channel> channels, ObjectProvider<SendCounter> counter) {
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
        this.counter = counter;
    }

    public Optional<Channel> find(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** Sends a reply to a person chatting now (see {@link Channel#deliver}), counted in the channel's budget. */
    public Delivery deliver(ChatAddress chat, Reply reply) {
        return find(chat.channel())
                .map(channel -> {
                    try (SendCounter.Permit counted = count(channel)) {
                        return channel.deliver(chat.chatId(), reply);
                    }
                })
                .orElseGet(() -> Delivery.failed("no channel " + chat.channel()));
    }

    /** Sends a reply into a thread or a reply chain of the chat (see {@link Channel#deliver(String, MessagePlace, Reply)}). */
    public Delivery deliver(ChatAddress chat, MessagePlace place, Reply reply) {
        if (place == null) {
            return deliver(chat, reply);
        }
        return find(chat.channel())
                .map(channel -> {
                    count(channel);
                    return channel.deliver(chat.chatId(), place, reply);
                })
                .orElseGet(() -> Delivery.failed("no channel " + chat.channel()));
    }

    /** Opens a thread in a group chat (see {@link Channel#openThread}); empty when the chat has none. */
    public Optional<String> openThread(ChatAddress chat, String title) {
        return find(chat.channel()).flatMap(channel -> {
            count(channel);
            return channel.openThread(chat.chatId(), title);
        });
    }

    /** Fetches a file a person sent in a chat of this channel (see {@link Channel#download}). */
    public Optional<byte[]> download(String channel, String fileRef) {
        return fileRef == null ? Optional.empty() : find(channel).flatMap(c -> c.download(fileRef));
    }

    /** Edits the bot's message {@code messageId} in the chat (see {@link Channel#edit}); an edit is a call like a reply. */
    public Delivery edit(ChatAddress chat, String messageId, Reply reply) {
        return find(chat.channel())
                .map(channel -> {
                    try (SendCounter.Permit counted = count(channel)) {
                        return channel.edit(chat.chatId(), messageId, reply);
                    }
                })
                .orElseGet(() -> Delivery.failed("no channel " + chat.channel()));
    }

    /** The limits the channel declares; a channel this deployment does not run gets the web chat's. */
    public SendLimit sendLimit(String channel) {
        return find(channel).map(Channel::sendLimit).orElseGet(SendLimit::web);
    }

    /** Whether the chat is a private chat with one person (see {@link Channel#isPersonalChat}). */
    public boolean isPersonalChat(ChatAddress chat) {
        return find(chat.channel()).map(c -> c.isPersonalChat(chat.chatId())).orElse(true);
    }

    private SendCounter.Permit count(Channel channel) {
        return SendCounter.interactive(counter.getIfAvailable(), channel.name());
    }
}
