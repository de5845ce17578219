package ru.kruzhok.faq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.staff.QuestionFigures;

/**
 * The desk in the admin API (behind {@code ADMIN_API_TOKEN}): how fast questions are answered
 * ({@code GET /api/admin/questions/response-times[?municipality=CODE][&days=N]}) and which wait now
 * ({@code GET /api/admin/questions[?municipality=CODE]}). No question text in the list: ids, ages and
 * codes only, so the API never hands out what parents wrote.
 */
@RestController
class DeskAdminController {

    private final QuestionDesk desk;
    private final Municipalities municipalities;
    private final Clock clock;

    DeskAdminController(QuestionDesk desk, Municipalities municipalities, Clock clock) {
        this.desk = desk;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping("/api/admin/questions/response-times")
    ResponseEntity<Object> responseTimes(@RequestParam(required = false) String municipality,
                                         @RequestParam(required = false) Integer days) {
        if (municipality != null && municipalities.find(municipality).isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown municipality " + municipality));
        }
        if (days != null && days < 1) {
            return ResponseEntity.badRequest().body(Map.of("error", "days must be 1 or more"));
        }
        Instant since = days == null ? null : clock.instant().minus(Duration.ofDays(days));
        QuestionFigures.ResponseTimes t = desk.responseTimes(municipality == null ? Set.of() : Set.of(municipality), since);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipality", municipality);
        body.put("days", days);
        body.put("handedOver", t.handedOver());
        body.put("answered", t.answered());
        body.put("open", t.open());
        body.put("medianMinutes", minutes(t.median()));
        body.put("p90Minutes", minutes(t.p90()));
        body.put("longestOpenMinutes", minutes(t.longestOpen()));
        return ResponseEntity.ok(body);
    }

    @GetMapping("/api/admin/questions")
    ResponseEntity<Object> open(@RequestParam(required = false) String municipality) {
        if (municipality != null && municipalities.find(municipality).isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown municipality " + municipality));
        }
        List<Map<String, Object>> items = desk.openQuestions(municipality == null ? Set.of() : Set.of(municipality),
                municipality == null, 500).stream().map(q -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", q.id());
                    item.put("municipality", q.municipality());
                    item.put("channel", q.channel());
                    item.put("askedAt", q.createdAt().toString());
                    item.put("waitingMinutes", Duration.between(q.createdAt(), clock.instant()).toMinutes());
                    item.put("inStaffGroup", q.posted());
                    return item;
                }).toList();
        return ResponseEntity.ok(Map.of("total", items.size(), "items", items));
    }

    private static Double minutes(Duration d) {
        return d == null ? null : Math.round(d.toMillis() / 600.0) / 100.0;
    }
}
