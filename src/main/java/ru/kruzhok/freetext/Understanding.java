package ru.kruzhok.freetext;

import ru.kruzhok.catalog.SearchPhrases;
import ru.kruzhok.faq.FaqMatcher;

/**
 * What a text typed where no input is expected means, as {@link FreeTextRule} decided: the kind and
 * both readings it was decided from (the FAQ's match and the catalog's search reading).
 */
public record Understanding(Kind kind, FaqMatcher.Match faq, SearchPhrases.Reading search) {

    public enum Kind {
        /** a certificate / Navigator / МОЦ topic, answered at once */
        ANSWER("answer"),
        /** «Возможно, вы имели в виду…»: the likely topics as buttons */
        GUESS("guess"),
        /** a program search with the filters the text names */
        SEARCH("search"),
        /** about another public service or small talk: «это не к нам», with the offer of a person */
        OUT_OF_SCOPE("handover"),
        /** nothing the bot knows answers it: offer to pass it to a person */
        HANDOVER("handover"),
        /** no words at all (emoji, digits): the menu helps more than a person */
        NOTHING("handover");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        /** The {@code kind} of {@code GET /api/faq/match} (design.md §3). */
        public String apiName() {
            return apiName;
        }
    }
}
