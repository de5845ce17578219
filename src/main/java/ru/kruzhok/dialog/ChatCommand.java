package ru.kruzhok.dialog;

import java.util.Optional;

/**
 * A command a parent may type (or press on a notice's button, which counts as typed) that a feature
 * handles: {@code /survey satisfaction}, {@code /unwatch 12}. The engine looks it up by name; /start,
 * /menu, /help and /stop stay the engine's own.
 *
 * <p>A command may also own a deep-link prefix: {@code /start s_satisfaction} runs the command with
 * the {@link #deepLinkPrefix()} "s_" cut off, once the person has been through onboarding.
 */
public interface ChatCommand {

    /** The command without the slash, lower case ("survey"). */
    String name();

    /** The prefix of {@code /start} arguments this command serves ("s_"), if any. */
    default Optional<String> deepLinkPrefix() {
        return Optional.empty();
    }

    /**
     * Does the command's work and says where the conversation goes on.
     *
     * @param args what followed the command, trimmed (empty when nothing did)
     * @return a qualified step ("surveys.question") to show next, or null for the main menu; the
     *         context's {@link DialogContext#say} messages are sent before it
     */
    String run(DialogContext context, String args);
}
