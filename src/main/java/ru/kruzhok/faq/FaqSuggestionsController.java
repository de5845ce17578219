package ru.kruzhok.faq;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.kruzhok.staff.AuditLog;

/** The admin API of «в базу ответов»: list pending suggestions, accept or reject one. */
@RestController
class FaqSuggestionsController {

    record Decided(long id, String status) {
    }

    private final FaqSuggestions suggestions;
    private final FaqSuggestionDecisions decisions;

    FaqSuggestionsController(FaqSuggestions suggestions, FaqSuggestionDecisions decisions) {
        this.suggestions = suggestions;
        this.decisions = decisions;
    }

    @GetMapping("/api/admin/faq/suggestions")
    List<FaqSuggestions.Suggestion> pending() {
        return suggestions.pending(1000);
    }

    @PostMapping("/api/admin/faq/suggestions/{id}/accept")
    Decided accept(@PathVariable long id) {
        return decide(id, true);
    }

    @PostMapping("/api/admin/faq/suggestions/{id}/reject")
    Decided reject(@PathVariable long id) {
        return decide(id, false);
    }

    private Decided decide(long id, boolean accept) {
        if (suggestions.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no suggestion " + id);
        }
        if (!decisions.decide(id, accept, AuditLog.ADMIN_API)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "suggestion " + id + " was already decided");
        }
        return new Decided(id, accept ? "accepted" : "rejected");
    }
}
