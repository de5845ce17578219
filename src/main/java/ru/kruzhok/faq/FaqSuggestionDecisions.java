package ru.kruzhok.faq;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import ru.kruzhok.staff.AuditLog;

/** An admin's decision on a suggested paraphrase, from the chat or the admin API: stored, audited, applied. */
@Service
class FaqSuggestionDecisions {

    private final FaqSuggestions suggestions;
    private final FaqMatcher matcher;
    private final AuditLog audit;

    FaqSuggestionDecisions(FaqSuggestions suggestions, FaqMatcher matcher, AuditLog audit) {
        this.suggestions = suggestions;
        this.matcher = matcher;
        this.audit = audit;
    }

    /** Accepted suggestions live in the database; the matcher starts from the files alone. */
    @EventListener(ApplicationReadyEvent.class)
    void applyAcceptedAtStart() {
        matcher.useAcceptedParaphrases(suggestions.acceptedByTopic());
    }

    /** False when the suggestion is unknown or was decided before. */
    boolean decide(long id, boolean accept, String by) {
        if (!suggestions.decide(id, accept, by)) {
            return false;
        }
        audit.record(by, accept ? "faq.suggestion.accept" : "faq.suggestion.reject", "suggestion " + id);
        if (accept) {
            matcher.useAcceptedParaphrases(suggestions.acceptedByTopic());
        }
        return true;
    }
}
