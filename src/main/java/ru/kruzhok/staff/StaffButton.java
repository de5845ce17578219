package ru.kruzhok.staff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

/**
 * Buttons only staff may press, as one object: a payload prefix and what a press does. Every staff
 * button's payload starts with {@link #PREFIX}; a feature names its own part ({@code "bc"} becomes
 * {@code "s:bc"}, the rest of the payload is the feature's) and {@link StaffCommands} refuses two features whose prefixes overlap, so the
 * prefixes live in one registry. A press by someone who is not staff (a forged callback) never
 * reaches the handler: it gets the stale-button reply, as any unknown payload.
 */
public interface StaffButton {

    /** Button payloads starting with this are staff buttons. */
    String PREFIX = "s:";

    /** The full prefix this feature's payloads start with ({@code s:bc}), from {@link #prefixFor}. */
    String prefix();

    /**
     * A press whose payload starts with {@link #prefix()}; {@code data} is the rest of the payload.
     * Empty when the feature does not know the payload: the conversation answers it as a stale button.
     */
    Optional<List<Reply>> press(Incoming incoming, String data);

    /** The full prefix for a feature's short name: {@code prefixFor("bc")} is {@code "s:bc"}. */
    static String prefixFor(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("a staff button prefix is 1-8 latin letters or digits: " + name);
        }
        return PREFIX + name;
    }
}
