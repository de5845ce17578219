package ru.kruzhok.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Question counts for /stats, supplied by the FAQ feature. Null is shown as «—». */
public interface QuestionFigures {

    /**
     * @param municipalities the municipality codes to count, or empty for everywhere
     */
    Questions questionsFor(Set<String> municipalities);

    /**
     * How fast staff answer questions handed to a person: asked → first staff answer.
     *
     * @param municipalities the municipality codes to count, or empty for everywhere
     * @param since          count questions asked from this instant on, or null for all time
     */
    default ResponseTimes responseTimes(Set<String> municipalities, Instant since) {
        // figures that do not track answers (a test's stand-in) report nothing known
        return new ResponseTimes(0, 0, 0, null, null, null);
    }

    /**
     * @param asked      questions parents asked the bot
     * @param handedOver questions passed to a person (staff group)
     */
    record Questions(Long asked, Long handedOver) {
    }

    /**
     * @param handedOver  questions passed to a person in the period
     * @param answered    of them, answered by staff
     * @param open        of them, still waiting (neither answered nor closed)
     * @param median      median time to the first answer; null when none was answered
     * @param p90         90th percentile of it; null when none was answered
     * @param longestOpen how long the oldest open question has waited; null when none waits
     */
    record ResponseTimes(long handedOver, long answered, long open, Duration median, Duration p90,
                         Duration longestOpen) {
    }
}
