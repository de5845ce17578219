package ru.kruzhok.municipality;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A municipality served by the bot and its МОЦ: contacts, the Navigator, this year's certificate
 * figures. Everything the bot says that differs between districts comes from here, never from
 * hard-coded text.
 *
 * @param code          short stable id used in deep links, commands and the database ("tsentr")
 * @param staffChatId   the Telegram group bound to this МОЦ's staff, if configured statically
 * @param timeZone      the municipality's time zone ("Asia/Yekaterinburg"), for times staff type;
 *                      unset: {@link #DEFAULT_ZONE}
 */
public record Municipality(
        String code,
        String name,
        String mocName,
        String address,
        String email,
        List<Contact> contacts,
        String workingHours,
        String navigatorUrl,
        Certificate certificate,
        String staffChatId,
        String timeZone) {

    /** Where most МОЦ are; the zone of a municipality that names none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    @ConstructorBinding
    public Municipality {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                throw new IllegalStateException("kruzhok.municipalities: time-zone '" + timeZone + "' of '" + code
                        + "' is not a time zone such as Europe/Moscow");
            }
        }
    }

    public Municipality(String code, String name, String mocName, String address, String email, List<Contact> contacts,
                        String workingHours, String navigatorUrl, Certificate certificate, String staffChatId) {
        this(code, name, mocName, address, email, contacts, workingHours, navigatorUrl, certificate, staffChatId, null);
    }

    /** The time zone staff of this municipality mean when they type a date and time. */
    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : ZoneId.of(timeZone.strip());
    }

    /** A person at the МОЦ parents may call. */
    public record Contact(String role, String name, String phone) {
    }

    /**
     * This year's certificate figures.
     *
     * @param value      the nominal, as staff write it ("7 500 ₽" or "72 часа")
     * @param period     the period it is credited for ("с 1 сентября 2026 по 31 августа 2027")
     * @param ageFrom    youngest age that gets a certificate (5 in most regions)
     * @param ageTo      oldest age, inclusive (17 in most regions)
     */
    public record Certificate(String value, String period, Integer ageFrom, Integer ageTo) {
    }
}
