package ru.kruzhok.staff;

import org.springframework.core.Ordered;

/**
 * Where the staff feature's {@link ru.kruzhok.channel.IncomingFilter filters} run, so other features
 * can place theirs. IgnoredUpdates (channel) runs first at HIGHEST_PRECEDENCE.
 *
 * <p>Features that implement staff commands (/broadcast, /import, …) as filters use
 * {@code @Order(StaffFilterOrder.FEATURE_COMMANDS)} or later: by then the
 * {@link StaffCommand staff-command guard} has already answered anyone who is not staff.
 */
public final class StaffFilterOrder {

    /** Per-chat flood control: right after IgnoredUpdates. */
    public static final int FLOOD_CONTROL = Ordered.HIGHEST_PRECEDENCE + 100;
    /** Remembers Telegram user names (for /staff add @name). */
    public static final int USERNAMES = Ordered.HIGHEST_PRECEDENCE + 150;
    /** Drops everything in groups the bot is not bound to, except /bind. */
    public static final int UNBOUND_GROUPS = Ordered.HIGHEST_PRECEDENCE + 200;
    /** Refuses staff commands and staff buttons to anyone without the role. */
    public static final int GUARD = Ordered.HIGHEST_PRECEDENCE + 300;
    /** The staff feature's own commands (/staff, /bind, /unbind, /stats, /audit). */
    public static final int STAFF_COMMANDS = Ordered.HIGHEST_PRECEDENCE + 400;
    /** Other features' staff-command filters: at this order or later. */
    public static final int FEATURE_COMMANDS = Ordered.HIGHEST_PRECEDENCE + 1000;

    private StaffFilterOrder() {
    }
}
