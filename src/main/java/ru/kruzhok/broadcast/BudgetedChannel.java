package ru.kruzhok.broadcast;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import ru.kruzhok.channel.BotCommand;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.Reply;

/** A channel whose replies to people chatting are counted in the {@link SendBudget} (never delayed by it). */
final class BudgetedChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(BudgetedChannel.class);

    private final Channel delegate;
    private final ObjectProvider<SendBudget> budget;

    BudgetedChannel(Channel delegate, ObjectProvider<SendBudget> budget) {
        this.delegate = delegate;
        this.budget = budget;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Delivery deliver(String chatId, Reply reply) {
        try {
            budget.getObject().interactive(delegate.name());
        } catch (RuntimeException e) {
            // the budget is bookkeeping; a reply to a person never fails because of it
            log.debug("Could not count a reply in the send budget: {}", e.toString());
        }
        return delegate.deliver(chatId, reply);
    }

    @Override
    public Delivery tryDeliver(String chatId, Reply reply) {
        return delegate.tryDeliver(chatId, reply);
    }

    @Override
    public Delivery tryDeliver(String chatId, Reply reply, boolean paidBroadcast) {
        return delegate.tryDeliver(chatId, reply, paidBroadcast);
    }

    /** An edit (a progress report) is a message call like any reply: counted, never delayed. */
    @Override
    public Delivery edit(String chatId, String messageId, Reply reply) {
        try {
            budget.getObject().interactive(delegate.name());
        } catch (RuntimeException e) {
            log.debug("Could not count an edit in the send budget: {}", e.toString());
        }
        return delegate.edit(chatId, messageId, reply);
    }

    @Override
    public void publishCommands(String chatId, List<BotCommand> commands) {
        delegate.publishCommands(chatId, commands);
    }

    @Override
    public Optional<byte[]> download(String fileRef) {
        return delegate.download(fileRef);
    }
}
