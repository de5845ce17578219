package ru.kruzhok.faq;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/faq/match} (design.md §3): what the chat would do with a question. */
@RestController
class FaqController {

    /** The contract's shape exactly; {@code topic: null} must be present, so nulls are written. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MatchResponse(String topic, double confidence, String answer, List<AlternativeResponse> alternatives) {
    }

    record AlternativeResponse(String topic, double confidence) {
    }

    private final FaqMatcher matcher;

    FaqController(FaqMatcher matcher) {
        this.matcher = matcher;
    }

    @GetMapping("/api/faq/match")
    MatchResponse match(@RequestParam(name = "q", required = false) String q,
                        @RequestParam(name = "municipality", required = false) String municipality) {
        if (q == null || q.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q (the question) is required");
        }
        FaqMatcher.Match m = matcher.match(q, municipality);
        return new MatchResponse(m.topic(), m.confidence(), m.answer(),
                m.alternatives().stream().map(a -> new AlternativeResponse(a.topic(), a.confidence())).toList());
    }
}
