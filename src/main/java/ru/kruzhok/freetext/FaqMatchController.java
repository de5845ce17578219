package ru.kruzhok.freetext;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.kruzhok.catalog.SearchTextParser;
import ru.kruzhok.faq.FaqMatcher;

/**
 * {@code GET /api/faq/match} (design.md §3): what the chat does with a text, decided by the same
 * {@link FreeTextRouter}.
 */
@RestController
class FaqMatchController {

    /** The program-search "topic" of a search answer. */
    static final String SEARCH_TOPIC = "program.search";

    /** The contract's shape exactly; {@code topic: null} must be present, so nulls are written. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MatchResponse(String kind, String topic, double confidence, String answer,
                         List<AlternativeResponse> alternatives, SearchResponse search) {
    }

    record AlternativeResponse(String topic, double confidence) {
    }

    /** The filters a search would open with; null fields are filters the text did not name. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SearchResponse(String direction, Integer age, String cost, String text) {
    }

    private final FreeTextRouter router;

    FaqMatchController(FreeTextRouter router) {
        this.router = router;
    }

    @GetMapping("/api/faq/match")
    MatchResponse match(@RequestParam(name = "q", required = false) String q,
                        @RequestParam(name = "municipality", required = false) String municipality) {
        if (q == null || q.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q (the question) is required");
        }
        Understanding u = router.understand(q, municipality);
        FaqMatcher.Match m = u.faq();
        List<AlternativeResponse> alternatives = new ArrayList<>();
        if (u.kind() == Understanding.Kind.GUESS && m.topic() != null) {
            alternatives.add(new AlternativeResponse(m.topic(), m.confidence()));
        }
        m.alternatives().forEach(a -> alternatives.add(new AlternativeResponse(a.topic(), a.confidence())));
        SearchResponse search = u.kind() == Understanding.Kind.SEARCH ? search(u.search().parsed()) : null;
        return switch (u.kind()) {
            case ANSWER -> new MatchResponse("answer", m.topic(), m.confidence(), m.answer(), alternatives, null);
            case SEARCH -> new MatchResponse("search", SEARCH_TOPIC, u.search().explained(), null, alternatives, search);
            case GUESS -> new MatchResponse("guess", null, m.confidence(), null, alternatives, null);
            case OUT_OF_SCOPE, HANDOVER, NOTHING -> new MatchResponse(u.kind().apiName(), null, m.confidence(),
                    FaqMatcher.HANDOVER_TEXT, alternatives, null);
        };
    }

    private static SearchResponse search(SearchTextParser.Parsed p) {
        return new SearchResponse(p.direction() == null ? null : p.direction().apiName(), p.age(),
                p.cost() == null ? null : p.cost().apiName(), p.text() == null ? null : SearchTextParser.shown(p.text()));
    }
}
