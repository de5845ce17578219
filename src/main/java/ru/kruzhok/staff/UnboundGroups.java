package ru.kruzhok.staff;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;

/**
 * The bot talks in groups only when the group is a bound staff chat. In any other group everything
 * is dropped silently except /bind, which is how a group becomes a staff chat.
 */
@Component
class UnboundGroups {

    private final StaffChats staffChats;

    UnboundGroups(StaffChats staffChats) {
        this.staffChats = staffChats;
    }

    /** True when the update comes from a group that is not a staff chat (and is not /bind). */
    boolean silences(Incoming incoming) {
        if (incoming.chatKind() != Incoming.ChatKind.GROUP || "bind".equals(incoming.command())) {
            return false;
        }
        return staffChats.municipalityOfStaffChat(incoming.chat()).isEmpty();
    }
}
