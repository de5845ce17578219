package ru.kruzhok.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.kruzhok.staff.AuditLog;

/**
 * The admin API of events: {@code POST /api/admin/events} ({@code {"title", "startsAt": ISO-8601,
 * "place", "municipality", "ages": [from, to], "directions": [...], "link"}} → {@code {"id",
 * "recipients", "reminder"}}), {@code GET /api/admin/events}, {@code DELETE /api/admin/events/{id}}.
 */
@RestController
class EventController {

    record EventJson(String title, Instant startsAt, String place, String municipality, List<Integer> ages,
                     List<String> directions, String link) {
        EventDraft toDraft() {
            Integer from = null;
            Integer to = null;
            if (ages != null && !ages.isEmpty()) {
                if (ages.size() != 2) {
                    throw new EventException("ages must be [from, to]");
                }
                from = ages.get(0);
                to = ages.get(1);
            }
            return new EventDraft(title, startsAt, place, municipality, from, to,
                    directions == null ? Set.of() : Set.copyOf(directions), link);
        }
    }

    record EventView(long id, String title, Instant startsAt, String place, String municipality, Integer ageFrom,
                     Integer ageTo, Set<String> directions, String link, String status, Long announcementId,
                     Instant reminderAt) {
        static EventView of(Event e) {
            return new EventView(e.id(), e.title(), e.startsAt(), e.place(), e.municipality(), e.ageFrom(), e.ageTo(),
                    e.directions(), e.link(), e.status(), e.announcementId(), e.reminderAt());
        }
    }

    private final Events events;

    EventController(Events events) {
        this.events = events;
    }

    @PostMapping("/api/admin/events")
    ResponseEntity<Map<String, Object>> create(@RequestBody EventJson body) {
        Events.Created created = events.create(body.toDraft(), null, AuditLog.ADMIN_API);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", created.id());
        out.put("recipients", created.recipients());
        out.put("reminder", created.reminder());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @GetMapping("/api/admin/events")
    List<EventView> list() {
        return events.list(null).stream().map(EventView::of).toList();
    }

    @DeleteMapping("/api/admin/events/{id}")
    EventView cancel(@PathVariable long id) {
        Events.Cancel result = events.cancel(id, null, AuditLog.ADMIN_API);
        if (result == Events.Cancel.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such event");
        }
        return events.find(id).map(EventView::of).orElseThrow();
    }

    @ExceptionHandler(EventException.class)
    ResponseEntity<Map<String, String>> invalid(EventException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
