package ru.kruzhok.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ConversationHandler;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;

/**
 * Where every staff command, staff button and staff message goes: one role check, then the one
 * handler registered for it in {@link StaffCommands}. Someone without the role gets nothing from
 * here, so the conversation answers them exactly as it answers an unknown command or a stale button.
 * /help for staff adds the list of their commands to the parents' help.
 */
@Component
class StaffCommandRouter {

    private final StaffAccess access;
    private final StaffCommands commands;
    private final List<StaffInput> inputs;
    // Lazy: the conversation (dialog engine) itself uses staff services.
    private final ObjectProvider<ConversationHandler> conversation;

    StaffCommandRouter(StaffAccess access, StaffCommands commands, List<StaffInput> inputs,
                       ObjectProvider<ConversationHandler> conversation) {
        this.access = access;
        this.commands = commands;
        this.inputs = inputs;
        this.conversation = conversation;
    }

    /** The replies when this is staff work; empty to leave it to the conversation. */
    Optional<List<Reply>> route(Incoming in) {
        if (in.type() == Incoming.Type.BUTTON) {
            String payload = in.payload();
            if (payload == null || !payload.startsWith(StaffButton.PREFIX) || !access.isStaff(in)) {
                return Optional.empty();
            }
            return commands.button(payload).flatMap(b -> b.press(in, payload.substring(b.prefix().length())));
        }
        String name = in.command();
        Optional<StaffCommand> command = commands.find(name);
        if (command.isPresent()) {
            // Parents never get past here (role checks are a cached snapshot): no database work for them.
            boolean staff = access.isStaff(in);
            return StaffCommands.allows(command.get(), staff, staff && access.isAdmin(in))
                    ? Optional.of(command.get().handle(in)) : Optional.empty();
        }
        if (!access.isStaff(in)) {
            return Optional.empty();
        }
        if ("help".equals(name) && in.isPrivate()) {
            List<Reply> replies = new ArrayList<>(conversation.getObject().handle(in));
            replies.add(Reply.text(staffHelp(access.isAdmin(in))));
            return Optional.of(replies);
        }
        for (StaffInput input : inputs) {
            Optional<List<Reply>> taken = input.take(in);
            if (taken.isPresent()) {
                return taken;
            }
        }
        return Optional.empty();
    }

    /** The staff commands this person may use, one a line. */
    String staffHelp(boolean admin) {
        StringBuilder sb = new StringBuilder("**Команды сотрудника**");
        for (StaffCommand c : commands.all()) {
            if (StaffCommands.allows(c, true, admin)) {
                sb.append("\n/").append(c.name()).append(" — ").append(Markup.escape(c.description()));
            }
        }
        return sb.toString();
    }
}
