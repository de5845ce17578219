package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Reply;

/**
 * The bot talks in groups only when the group is a bound staff chat. In any other group everything
 * is dropped silently except /bind, which is how a group becomes a staff chat.
 */
@Component
@Order(StaffFilterOrder.UNBOUND_GROUPS)
class UnboundGroups implements IncomingFilter {

    private final StaffChats staffChats;

    UnboundGroups(StaffChats staffChats) {
        this.staffChats = staffChats;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming incoming) {
        if (incoming.chatKind() != Incoming.ChatKind.GROUP || "bind".equals(incoming.command())) {
            return Optional.empty();
        }
        return staffChats.municipalityOfStaffChat(incoming.chat()).isPresent() ? Optional.empty() : Optional.of(List.of());
    }
}
