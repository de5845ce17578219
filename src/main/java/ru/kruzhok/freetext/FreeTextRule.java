package ru.kruzhok.freetext;

import ru.kruzhok.faq.FaqMatcher;
import ru.kruzhok.freetext.Understanding.Kind;

/**
 * The one rule that decides what free text means (design.md §1 «Free text: one decision»; written
 * out for people in docs/faq.md, «How free text is read»). Both readings are made first — the FAQ's
 * topic with its confidence and the closest out-of-scope kind, the catalog's filters with the
 * share of the text they explain — and this rule alone weighs them, in this order:
 *
 * <ol>
 *   <li>no letters at all → {@link Kind#NOTHING};</li>
 *   <li>a phrase the search explains almost wholly («волейбол 10 лет», «бассейн бесплатно») and
 *       not phrased as a question → {@link Kind#SEARCH};</li>
 *   <li>the FAQ's topic is «find a club» («подобрать кружок») → {@link Kind#SEARCH} (its answer is the
 *       search itself), or {@link Kind#GUESS} among it and the runners-up when phrased as a question;</li>
 *   <li>an out-of-scope kind (a doctor, the school, benefits) clearly closer than any topic →
 *       {@link Kind#OUT_OF_SCOPE};</li>
 *   <li>a topic the FAQ is sure of → {@link Kind#ANSWER};</li>
 *   <li>a phrase the search explains mostly, not a question → {@link Kind#SEARCH};</li>
 *   <li>a topic the FAQ half recognises → {@link Kind#GUESS};</li>
 *   <li>somewhat like an out-of-scope kind → {@link Kind#OUT_OF_SCOPE};</li>
 *   <li>anything else → {@link Kind#HANDOVER} (offer a person; never an invented answer).</li>
 * </ol>
 *
 * Question form («как», «можно ли», «сколько стоит», certificate words; dialogs/search/vocabulary.yaml)
 * is evidence against a search: those words count in the text but the search explains none of them.
 */
final class FreeTextRule {

    /** Share of the text a search must explain to win over any FAQ reading. */
    static final double SEARCH_SURE = 0.75;
    /** Share of the text a search must explain to win over a half-sure FAQ reading. */
    static final double SEARCH_LIKELY = 0.5;
    /** An out-of-scope kind this close wins over an equally close topic. */
    static final double OUTSIDE_SURE = 0.4;
    /** How much closer than any topic an out-of-scope kind must be to win over it. */
    static final double OUTSIDE_MARGIN = 0.05;
    /** An out-of-scope kind this close gets «это не к нам» rather than a plain hand-over. */
    static final double OUTSIDE_LIKELY = 0.35;

    /**
     * The evidence the rule reads.
     *
     * @param faqMeansSearch   the FAQ's topic is the one whose answer is the program search
     * @param searchExplained  share (0..1) of content words the search explains; 0 when it found
     *                         neither a filter nor a catalog match
     */
    record Evidence(boolean hasLetters, FaqMatcher.Decision faqDecision, double faqConfidence, boolean faqMeansSearch,
                    double outsideConfidence, double searchExplained, boolean questionForm) {
    }

    private FreeTextRule() {
    }

    static Kind decide(Evidence e) {
        if (!e.hasLetters()) {
            return Kind.NOTHING;
        }
        boolean faqKnows = e.faqDecision() != FaqMatcher.Decision.HANDOVER;
        if (e.searchExplained() >= SEARCH_SURE && !e.questionForm()) {
            return Kind.SEARCH;
        }
        if (e.faqMeansSearch() && faqKnows) {
            return e.questionForm() ? Kind.GUESS : Kind.SEARCH;
        }
        if (e.outsideConfidence() >= OUTSIDE_SURE && e.outsideConfidence() >= e.faqConfidence() + OUTSIDE_MARGIN) {
            return Kind.OUT_OF_SCOPE;
        }
        if (e.faqDecision() == FaqMatcher.Decision.ANSWER) {
            return Kind.ANSWER;
        }
        if (e.searchExplained() >= SEARCH_LIKELY && !e.questionForm()) {
            return Kind.SEARCH;
        }
        if (e.faqDecision() == FaqMatcher.Decision.SUGGEST) {
            return Kind.GUESS;
        }
        if (e.outsideConfidence() >= OUTSIDE_LIKELY) {
            return Kind.OUT_OF_SCOPE;
        }
        return Kind.HANDOVER;
    }
}
