package ru.kruzhok.staff;

import java.util.Locale;
import java.util.Objects;

/**
 * A command only staff may use. A feature declares its staff commands as beans:
 * <pre>{@code
 * @Bean StaffCommand broadcastCommand() {
 *     return StaffCommand.staff("broadcast", "Рассылка родителям");
 * }
 * }</pre>
 * Declared commands appear in staff members' command menus, and the guard answers anyone without
 * the role exactly as for an unknown command, so parents never learn staff commands exist.
 *
 * @param name        the command without the slash, lower case ("broadcast")
 * @param description the menu text
 * @param adminOnly   true when only admins may use it
 */
public record StaffCommand(String name, String description, boolean adminOnly) {

    /** Button payloads starting with this are staff buttons: a press by anyone else is refused. */
    public static final String BUTTON_PREFIX = "s:";

    public StaffCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        name = name.toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("a command name is 1-32 latin letters, digits or '_': " + name);
        }
    }

    public static StaffCommand staff(String name, String description) {
        return new StaffCommand(name, description, false);
    }

    public static StaffCommand admin(String name, String description) {
        return new StaffCommand(name, description, true);
    }
}
