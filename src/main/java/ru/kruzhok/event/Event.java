package ru.kruzhok.event;

import java.time.Instant;
import java.util.Set;

/** A stored event; {@code reminderAt} null means no reminder will be sent. */
record Event(long id, String title, Instant startsAt, String place, String municipality, Integer ageFrom,
             Integer ageTo, Set<String> directions, String link, String createdBy, Instant createdAt,
             Long announcementId, Instant reminderAt, Instant remindedAt, Instant cancelledAt) {

    String status() {
        if (cancelledAt != null) {
            return "cancelled";
        }
        return remindedAt != null ? "reminded" : "announced";
    }
}
