package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;

import ru.kruzhok.channel.Incoming;

/**
 * A staff member's message that is neither a staff command nor a staff button but still staff work:
 * a reply to a relayed question in a staff group. {@link StaffCommandRouter} offers it to each in
 * turn, only for staff; the first that takes it answers.
 */
public interface StaffInput {

    /** The replies when the message is this feature's; empty to leave it to the conversation. */
    Optional<List<ru.kruzhok.channel.Reply>> take(Incoming incoming);
}
