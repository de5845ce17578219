package ru.kruzhok.staff;

import java.util.List;

import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

/** One of the staff feature's own commands; {@link StaffCommandRouter} finds it by name. */
interface StaffCommandHandler {

    /** The command it answers, without the slash. */
    String name();

    /** Runs only after the guard let the person through (they hold the command's role). */
    List<Reply> handle(Incoming incoming);
}
