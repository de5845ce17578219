package ru.kruzhok.freetext;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import ru.kruzhok.catalog.SearchPhrases;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.FreeTextAnswerer;
import ru.kruzhok.faq.FaqConversation;
import ru.kruzhok.faq.FaqMatcher;

/**
 * Free text typed where no input is expected: each feature reads it once (the FAQ matcher, the
 * catalog's search reading), {@link FreeTextRule} decides, and the chosen feature takes the
 * conversation on. {@code GET /api/faq/match} asks {@link #understand} too, so it says what the
 * chat does.
 */
@Service
public class FreeTextRouter implements FreeTextAnswerer {

    private static final String SEARCH_ACTION = "catalog.search";

    private final FaqMatcher faq;
    private final SearchPhrases search;
    private final FaqConversation questions;

    FreeTextRouter(FaqMatcher faq, SearchPhrases search, FaqConversation questions) {
        this.faq = faq;
        this.search = search;
        this.questions = questions;
    }

    public Understanding understand(String text, String municipality) {
        String t = text == null ? "" : text.strip();
        if (t.length() > FaqMatcher.MAX_QUESTION) {
            t = t.substring(0, FaqMatcher.MAX_QUESTION);
        }
        FaqMatcher.Match match = faq.match(t, municipality);
        SearchPhrases.Reading reading = search.read(t, municipality);
        boolean meansSearch = match.topic() != null
                && faq.topic(match.topic()).map(topic -> SEARCH_ACTION.equals(topic.action())).orElse(false);
        double searchShare = reading.hasFilters() || reading.matches() > 0 ? reading.explained() : 0;
        FreeTextRule.Evidence evidence = new FreeTextRule.Evidence(
                t.codePoints().anyMatch(Character::isLetter), match.decision(), match.confidence(), meansSearch,
                match.outsideKind().map(FaqMatcher.Alternative::confidence).orElse(0.0), searchShare,
                reading.questionForm());
        return new Understanding(FreeTextRule.decide(evidence), match, reading);
    }

    @Override
    public Optional<List<Reply>> answer(DialogContext ctx, String text) {
        Understanding u = understand(text, ctx.municipality());
        switch (u.kind()) {
            case NOTHING -> {
                return Optional.empty();
            }
            case SEARCH -> search.open(ctx, u.search());
            case ANSWER -> questions.answer(ctx, u.faq(), text);
            case GUESS -> questions.guess(ctx, u.faq(), text);
            case OUT_OF_SCOPE -> questions.outOfScope(ctx, u.faq(), text);
            case HANDOVER -> questions.offerPerson(ctx, text);
        }
        return Optional.of(List.of());
    }
}
