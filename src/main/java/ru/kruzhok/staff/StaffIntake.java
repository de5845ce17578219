package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Reply;

/**
 * What the staff feature does with every update before the conversation sees it, in this order:
 * flood control (for everyone but staff: an admin adding 25 colleagues, or a busy staff group
 * answering parents, must never be told «помедленнее» or dropped), remembering Telegram user names, silence in groups the bot is not bound to, then
 * staff commands, buttons and messages through {@link StaffCommandRouter}. One filter, so the order
 * is written here and nowhere else; it runs right after the channel's own IgnoredUpdates.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class StaffIntake implements IncomingFilter {

    private final FloodControl flood;
    private final StaffAccess access;
    private final TelegramUsernames usernames;
    private final UnboundGroups unboundGroups;
    private final StaffCommandRouter router;

    StaffIntake(FloodControl flood, StaffAccess access, TelegramUsernames usernames, UnboundGroups unboundGroups,
                StaffCommandRouter router) {
        this.flood = flood;
        this.access = access;
        this.usernames = usernames;
        this.unboundGroups = unboundGroups;
        this.router = router;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming incoming) {
        if (!access.isStaff(incoming)) {
            Optional<List<Reply>> dropped = flood.check(incoming);
            if (dropped.isPresent()) {
                return dropped;
            }
        }
        usernames.remember(incoming);
        if (unboundGroups.silences(incoming)) {
            return Optional.of(List.of());
        }
        return router.route(incoming);
    }
}
