package ru.kruzhok.staff;

import java.time.Instant;
import java.util.Set;

/**
 * How parents' questions were answered, supplied by the FAQ feature, for /stats and the period
 * report. A question is a question the bot answered from the knowledge base or one handed to a
 * person — not a search phrase and not a «возможно, вы имели в виду» the parent left unanswered.
 */
public interface AnsweredQuestions {

    /**
     * @param municipalities the codes to count, or empty for everywhere
     * @param from           first instant counted, or null for the beginning
     * @param to             first instant not counted, or null for now
     */
    Answered count(Set<String> municipalities, Instant from, Instant to);

    /**
     * @param byBot           answered by the bot from the knowledge base
     * @param handedOver      passed to a person at the МОЦ
     * @param answeredByStaff of those, answered by staff
     */
    record Answered(long byBot, long handedOver, long answeredByStaff) {
        public long questions() {
            return byBot + handedOver;
        }
    }
}
