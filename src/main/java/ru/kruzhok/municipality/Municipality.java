package ru.kruzhok.municipality;

import java.util.List;

/**
 * A municipality served by the bot and its МОЦ: contacts, the Navigator, this year's certificate
 * figures. Everything the bot says that differs between districts comes from here, never from
 * hard-coded text.
 *
 * @param code          short stable id used in deep links, commands and the database ("tsentr")
 * @param staffChatId   the Telegram group bound to this МОЦ's staff, if configured statically
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
        String staffChatId) {

    public Municipality {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
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
