package ru.kruzhok.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.FreeTextAnswerer;

/**
 * Free text that reads like a search («танцы для 7 лет бесплатно», «робототехника») opens the
 * search results. Runs after the certificate questions (which recognise «как записаться по
 * сертификату» as a question, not a search) and before the hand-over to a person.
 */
@Component
@Order(20)
class CatalogFreeText implements FreeTextAnswerer {

    /** Longer texts are questions, not search phrases. */
    private static final int MAX_WORDS = 6;

    private final SearchTextParser parser;
    private final ProgramSearch search;

    CatalogFreeText(SearchTextParser parser, ProgramSearch search) {
        this.parser = parser;
        this.search = search;
    }

    @Override
    public Optional<List<Reply>> answer(DialogContext ctx, String text) {
        if (text.isBlank() || text.strip().split("\\s+").length > MAX_WORDS) {
            return Optional.empty();
        }
        SearchTextParser.Parsed parsed = parser.parse(text);
        boolean structured = parsed.direction() != null || parsed.age() != null || parsed.cost() != null;
        if (!structured) {
            ProgramQuery textOnly = ProgramQuery.all().withMunicipality(ctx.municipality()).withText(parsed.text());
            if (parsed.text() == null || search.countMatchingEveryWord(textOnly) == 0) {
                return Optional.empty();
            }
        }
        ChatSearchQuery.apply(ctx, parsed);
        ctx.goTo("search.results");
        return Optional.of(List.of());
    }
}
