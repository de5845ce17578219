package ru.kruzhok.staff;

import java.util.Set;

/** Question counts for /stats, supplied by the FAQ feature. Null is shown as «—». */
public interface QuestionFigures {

    /**
     * @param municipalities the municipality codes to count, or empty for everywhere
     */
    Questions questionsFor(Set<String> municipalities);

    /**
     * @param asked      questions parents asked the bot
     * @param handedOver questions passed to a person (staff group)
     */
    record Questions(Long asked, Long handedOver) {
    }
}
