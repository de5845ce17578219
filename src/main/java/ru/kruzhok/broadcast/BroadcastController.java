package ru.kruzhok.broadcast;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.staff.AuditLog;

/** The admin API of design.md §3: create, follow and cancel announcements. */
@RestController
class BroadcastController {

    /** {@code municipality}: one code or a list of codes; {@code ages}: [from, to]. */
    record AudienceJson(Object municipality, List<Integer> ages, List<String> directions) {
        AudienceFilter toFilter() {
            Set<String> codes = new LinkedHashSet<>();
            if (municipality instanceof String code && !code.isBlank()) {
                codes.add(code);
            } else if (municipality instanceof Collection<?> list) {
                list.forEach(c -> codes.add(String.valueOf(c)));
            }
            Integer from = null;
            Integer to = null;
            if (ages != null && !ages.isEmpty()) {
                if (ages.size() != 2) {
                    throw new IllegalArgumentException("ages must be [from, to]");
                }
                from = ages.get(0);
                to = ages.get(1);
            }
            return new AudienceFilter(codes, from, to, directions == null ? Set.of() : Set.copyOf(directions));
        }
    }

    record CreateJson(String text, AudienceJson audience, Instant sendAt) {
    }

    record StatusJson(long id, String status, Instant sendAt, int total, int sent, int blocked, int failed,
                      int skipped, int pending) {
        static StatusJson of(Broadcasts.Report r) {
            return new StatusJson(r.id(), r.status(), r.sendAt(), r.total(), r.sent(), r.blocked(), r.failed(),
                    r.skipped(), r.pending());
        }
    }

    private final Broadcasts broadcasts;
    private final AuditLog audit;

    BroadcastController(Broadcasts broadcasts, AuditLog audit) {
        this.broadcasts = broadcasts;
        this.audit = audit;
    }

    @PostMapping("/api/admin/broadcasts")
    ResponseEntity<Map<String, Long>> create(@RequestBody CreateJson body) {
        AudienceFilter audience = body.audience() == null ? new AudienceFilter(null, null, null, null)
                : body.audience().toFilter();
        long id = broadcasts.create(new Broadcasts.Request(body.text(), audience, body.sendAt(), AuditLog.ADMIN_API));
        String scope = audience.municipalities().isEmpty() ? "all municipalities" : String.join(",", audience.municipalities());
        if (body.sendAt() == null) {
            audit.record(AuditLog.ADMIN_API, "broadcast.sent", "broadcast " + id + " to " + scope);
        } else {
            audit.record(AuditLog.ADMIN_API, "broadcast.scheduled", "broadcast " + id + " to " + scope + ", at " + body.sendAt());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/api/admin/broadcasts/{id}")
    StatusJson status(@PathVariable long id) {
        return broadcasts.report(id).map(StatusJson::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such broadcast"));
    }

    @PostMapping("/api/admin/broadcasts/{id}/cancel")
    StatusJson cancel(@PathVariable long id) {
        Broadcasts.Report report = broadcasts.report(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such broadcast"));
        if (!broadcasts.cancel(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "broadcast is already " + report.status());
        }
        audit.record(AuditLog.ADMIN_API, "broadcast.cancelled", "broadcast " + id + " (was " + report.status() + ")");
        return StatusJson.of(broadcasts.report(id).orElseThrow());
    }
}
