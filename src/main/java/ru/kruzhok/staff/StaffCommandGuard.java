package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ConversationHandler;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Reply;

/**
 * Stops a staff command typed by someone without the role, and a staff button ({@link
 * StaffCommand#BUTTON_PREFIX}) pressed by someone without it (a forged callback). They get exactly
 * what the conversation gives for an unknown command or a stale button, because the conversation
 * itself answers them: a parent cannot tell a staff command from a typo.
 */
@Component
@Order(StaffFilterOrder.GUARD)
class StaffCommandGuard implements IncomingFilter {

    private final StaffAccess access;
    private final StaffCommands commands;
    // Lazy: the conversation (dialog engine) may itself use staff services.
    private final ObjectProvider<ConversationHandler> conversation;

    StaffCommandGuard(StaffAccess access, StaffCommands commands, ObjectProvider<ConversationHandler> conversation) {
        this.access = access;
        this.commands = commands;
        this.conversation = conversation;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming incoming) {
        if (allowed(incoming)) {
            return Optional.empty();
        }
        return Optional.of(conversation.getObject().handle(incoming));
    }

    private boolean allowed(Incoming incoming) {
        if (incoming.type() == Incoming.Type.BUTTON) {
            String payload = incoming.payload();
            return payload == null || !payload.startsWith(StaffCommand.BUTTON_PREFIX) || access.isStaff(incoming);
        }
        return commands.find(incoming.command())
                .map(command -> command.adminOnly() ? access.isAdmin(incoming) : access.isStaff(incoming))
                .orElse(true);
    }
}
