package ru.kruzhok.staff;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;

/**
 * A command only staff may use, as one object: its name, the role it needs, the menu text and what
 * it does. A feature makes its command a bean ({@code @Component class ImportCommand implements
 * StaffCommand}); {@link StaffCommandRouter} finds it by name after checking the role once, so a
 * handler never checks it again. Anyone without the role gets exactly the reply an unknown command
 * gets, so parents never learn staff commands exist. Declared commands appear in staff members'
 * command menus and in their /help.
 */
public interface StaffCommand {

    /** Who may use a command. */
    enum Role {
        /** Staff of any municipality, and admins. */
        STAFF,
        /** Admins only. */
        ADMIN
    }

    /** The command without the slash, lower case latin ("broadcast"). */
    String name();

    Role role();

    /** The menu and /help text, in Russian. */
    String description();

    /** Runs only for someone who holds {@link #role()}. */
    List<Reply> handle(Incoming incoming);

    /** A command from a name, a role, a description and a handler (for small commands and tests). */
    static StaffCommand of(String name, Role role, String description, Handler handler) {
        return new Simple(checkedName(name), role, description, handler);
    }

    /** What a command does, as a function. */
    @FunctionalInterface
    interface Handler {
        List<Reply> handle(Incoming incoming);
    }

    /** The name lower-cased; refused when Telegram could not show it in a menu. */
    static String checkedName(String name) {
        Objects.requireNonNull(name, "name");
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.matches("[a-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("a command name is 1-32 latin letters, digits or '_': " + name);
        }
        return lower;
    }

    /** The value behind {@link #of}. */
    record Simple(String name, Role role, String description, Handler handler) implements StaffCommand {
        public Simple {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(handler, "handler");
        }

        @Override
        public List<Reply> handle(Incoming incoming) {
            return handler.handle(incoming);
        }
    }
}
