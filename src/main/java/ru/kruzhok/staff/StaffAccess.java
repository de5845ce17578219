package ru.kruzhok.staff;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * The one place that answers "may this person act as staff, and for which municipalities". Staff
 * are Telegram users (identity = Telegram user id); people in the web chat are never staff, since
 * the web chat has no verified identity.
 *
 * <p>Other features guard their staff commands with {@link #isStaff(Incoming)} /
 * {@link #mayAct(Incoming, String)}, and the audience of anything they show a staff member with
 * {@link #municipalitiesOf(Incoming)}.
 */
@Service
public class StaffAccess implements ru.kruzhok.dialog.StaffGate {

    /** The only channel whose users can be staff. */
    public static final String STAFF_CHANNEL = "telegram";

    private final StaffRoles roles;
    private final Municipalities municipalities;

    StaffAccess(StaffRoles roles, Municipalities municipalities) {
        this.roles = roles;
        this.municipalities = municipalities;
    }

    /** Admin, or staff of at least one municipality. */
    @Override
    public boolean isStaff(Incoming incoming) {
        return telegramUserId(incoming) != null && isStaff(telegramUserId(incoming));
    }

    public boolean isAdmin(Incoming incoming) {
        Long id = telegramUserId(incoming);
        return id != null && isAdmin(id);
    }

    /** The municipality codes the person may act for: all configured ones for an admin, none for a parent. */
    public Set<String> municipalitiesOf(Incoming incoming) {
        Long id = telegramUserId(incoming);
        return id == null ? Set.of() : municipalitiesOf(id);
    }

    /** True for an admin, and for staff of {@code municipality}. */
    public boolean mayAct(Incoming incoming, String municipality) {
        Long id = telegramUserId(incoming);
        return id != null && mayAct(id, municipality);
    }

    public boolean isStaff(long telegramUserId) {
        return !roles.rolesOf(telegramUserId).isEmpty();
    }

    public boolean isAdmin(long telegramUserId) {
        return roles.rolesOf(telegramUserId).contains(StaffRoles.ADMIN);
    }

    public Set<String> municipalitiesOf(long telegramUserId) {
        Set<String> held = roles.rolesOf(telegramUserId);
        Set<String> codes = new TreeSet<>();
        for (Municipality m : municipalities.all()) {
            if (held.contains(StaffRoles.ADMIN) || held.contains(m.code())) {
                codes.add(m.code());
            }
        }
        return Set.copyOf(codes);
    }

    public boolean mayAct(long telegramUserId, String municipality) {
        if (municipality == null) {
            return false;
        }
        Set<String> held = roles.rolesOf(telegramUserId);
        return held.contains(StaffRoles.ADMIN)
                || municipalities.find(municipality).map(m -> held.contains(m.code())).orElse(false);
    }

    /** Telegram user ids of every admin and staff member (to notify them, or to publish menus). */
    public Set<Long> staffTelegramIds() {
        return Set.copyOf(roles.everyone());
    }

    /** The person's Telegram user id, or null for anyone who cannot be staff (web chat, malformed ids). */
    static Long telegramUserId(Incoming incoming) {
        if (incoming == null || incoming.userId() == null || !STAFF_CHANNEL.equals(incoming.chat().channel())) {
            return null;
        }
        try {
            return Long.parseLong(incoming.userId());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
