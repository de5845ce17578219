package ru.kruzhok.catalog;

import org.springframework.stereotype.Service;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;

/**
 * The catalog's reading of free text for the free-text router: the filters a phrase names, how
 * much of it they explain, and whether the catalog has programs for its other words; and, once
 * the router chooses the search, the results with those filters.
 */
@Service
public class SearchPhrases {

    /** Longer texts are letters or questions, not search phrases; the catalog is not asked about them. */
    private static final int MAX_CONTENT_WORDS = 8;

    private final SearchTextParser parser;
    private final ProgramSearch search;

    SearchPhrases(SearchTextParser parser, ProgramSearch search) {
        this.parser = parser;
        this.search = search;
    }

    /**
     * @param parsed    the filters and text found
     * @param explained the share (0..1) of the text's content words that the search accounts for:
     *                  filters, directions, activities, and other words when the catalog has them
     * @param matches   programs for the other words (every word, typos corrected) in the parent's
     *                  municipality; -1 when not asked (no other words, a question, or too long a text)
     */
    public record Reading(SearchTextParser.Parsed parsed, double explained, long matches) {

        public boolean hasFilters() {
            return parsed.hasFilters();
        }

        /** The text has the form of a question («как», «можно ли», «сколько стоит»). */
        public boolean questionForm() {
            return parsed.question();
        }
    }

    public Reading read(String text, String municipality) {
        SearchTextParser.Parsed parsed = parser.parse(text);
        int content = parsed.contentWords();
        if (content == 0) {
            return new Reading(parsed, 0, -1);
        }
        long matches = -1;
        int explained = parsed.explained();
        // A text phrased as a question is not a search whatever the catalog holds: no need to ask it.
        if (parsed.otherWords() > 0 && content <= MAX_CONTENT_WORDS && !parsed.question()) {
            matches = search.countMatchingEveryWord(ProgramQuery.all().withMunicipality(municipality).withText(parsed.text()));
            if (matches > 0) {
                explained += parsed.otherWords();
            }
        }
        return new Reading(parsed, Math.min(1.0, (double) explained / content), matches);
    }


    /** Opens the results with the reading's filters (the direction menu when it found none). */
    public void open(DialogContext ctx, Reading reading) {
        SearchTextParser.Parsed parsed = reading.parsed();
        if (!parsed.hasFilters() && parsed.text() == null) {
            ctx.goTo("search.direction");
            return;
        }
        ChatSearchQuery.apply(ctx, parsed);
        if (parsed.nearby() && ctx.municipality() == null) {
            ctx.say(Reply.text(ctx.text("search_nearby_no_district")));
        }
        ctx.goTo("search.results");
    }
}
