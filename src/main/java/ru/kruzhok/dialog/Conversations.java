package ru.kruzhok.dialog;

import java.util.List;

import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

/**
 * Starts a flow for the person who sent {@code incoming}, as a command of a feature does: a staff
 * command opens its staff flow ({@code /broadcast} → {@code dialogs/staff/broadcast.yaml}). The flow's
 * own variables ({@code <flow>.*}) start empty.
 */
public interface Conversations {

    /** The replies that show the flow's first step; the main menu when the flow is not the person's. */
    List<Reply> start(Incoming incoming, String flow);
}
