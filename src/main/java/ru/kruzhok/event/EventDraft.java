package ru.kruzhok.event;

import java.time.Instant;
import java.util.Set;

/**
 * An event as staff describe it, before it is checked and stored.
 *
 * @param municipality null: every municipality (admins only)
 * @param ageFrom      null: any age (likewise ageTo)
 * @param directions   api names ("sports"); empty: any interests
 */
record EventDraft(String title, Instant startsAt, String place, String municipality, Integer ageFrom, Integer ageTo,
                  Set<String> directions, String link) {

    EventDraft {
        title = blankToNull(title);
        place = blankToNull(place);
        municipality = blankToNull(municipality);
        link = blankToNull(link);
        directions = directions == null ? Set.of() : Set.copyOf(directions);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
