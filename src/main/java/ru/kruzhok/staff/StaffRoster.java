package ru.kruzhok.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ru.kruzhok.municipality.Municipalities;

/**
 * Adds and removes staff roles for both the /staff command and the admin API: checks the
 * municipality, records the change in the audit log and announces it ({@link StaffRolesChanged}),
 * so the person's command menu follows.
 */
@Component
class StaffRoster {

    enum Change { ADDED, ALREADY_HELD, REMOVED, NOT_HELD, CONFIGURED_ADMIN }

    /** A person with roles: {@code roles} are municipality codes and/or {@link StaffRoles#ADMIN}. */
    record Member(long telegramUserId, String username, List<String> roles, boolean configuredAdmin, Instant since) {
    }

    private final StaffRoles roles;
    private final TelegramUsernames usernames;
    private final Municipalities municipalities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    StaffRoster(StaffRoles roles, TelegramUsernames usernames, Municipalities municipalities, AuditLog audit,
                ApplicationEventPublisher events) {
        this.roles = roles;
        this.usernames = usernames;
        this.municipalities = municipalities;
        this.audit = audit;
        this.events = events;
    }

    /** "123456", "@olga" or "olga" → a Telegram user id; a name only if that person has written to the bot. */
    Optional<Long> resolve(String idOrUsername) {
        if (idOrUsername == null || idOrUsername.isBlank()) {
            return Optional.empty();
        }
        String value = idOrUsername.strip();
        if (value.matches("\\d{1,19}")) {
            try {
                return Optional.of(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return usernames.resolve(value);
    }

    /** "admin" → {@link StaffRoles#ADMIN}; a configured municipality code → that code; else empty. */
    Optional<String> role(String argument) {
        if (argument == null) {
            return Optional.empty();
        }
        String value = argument.strip().toLowerCase(Locale.ROOT);
        if (value.equals("admin") || value.equals("админ") || value.equals(StaffRoles.ADMIN)) {
            return Optional.of(StaffRoles.ADMIN);
        }
        return municipalities.find(value).map(m -> m.code());
    }

    Change add(long userId, String role, String actor) {
        if (StaffRoles.ADMIN.equals(role) && roles.isConfigAdmin(userId)) {
            return Change.ALREADY_HELD;
        }
        if (!roles.grant(userId, role, actor)) {
            return Change.ALREADY_HELD;
        }
        audit.record(actor, "staff.add", "user " + userId + " role " + describe(role));
        events.publishEvent(new StaffRolesChanged(userId));
        return Change.ADDED;
    }

    /** Removes one role, or all stored roles when {@code role} is null. */
    Change remove(long userId, String role, String actor) {
        int removed = roles.revoke(userId, role);
        if (removed > 0) {
            audit.record(actor, "staff.remove", "user " + userId + " role " + (role == null ? "all" : describe(role)));
            events.publishEvent(new StaffRolesChanged(userId));
            return Change.REMOVED;
        }
        if (roles.isConfigAdmin(userId) && (role == null || StaffRoles.ADMIN.equals(role))) {
            return Change.CONFIGURED_ADMIN;
        }
        return Change.NOT_HELD;
    }

    List<Member> members() {
        Map<Long, List<StaffRoles.Grant>> byUser = new LinkedHashMap<>();
        for (StaffRoles.Grant grant : roles.all()) {
            byUser.computeIfAbsent(grant.userId(), id -> new ArrayList<>()).add(grant);
        }
        List<Member> members = new ArrayList<>();
        byUser.forEach((id, grants) -> members.add(new Member(id, usernames.usernameOf(id).orElse(null),
                grants.stream().map(StaffRoles.Grant::municipality).distinct().sorted().toList(),
                grants.stream().anyMatch(StaffRoles.Grant::fromConfig),
                grants.stream().map(StaffRoles.Grant::grantedAt).filter(at -> at != null).min(Instant::compareTo).orElse(null))));
        return members;
    }

    static String describe(String role) {
        return StaffRoles.ADMIN.equals(role) ? "admin" : role;
    }
}
