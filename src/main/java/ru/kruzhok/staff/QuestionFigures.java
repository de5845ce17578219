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

        /**
         * One line for a staff report, in Russian: «Ответили на 12 из 15, медиана 2 ч 5 мин, 90% — за 6 ч 0 мин;
         * ждут ответа: 3, дольше всех 1 дн 2 ч».
         */
        public String summary() {
            if (handedOver == 0) {
                return "Вопросов специалистам не было.";
            }
            StringBuilder sb = new StringBuilder("Ответили на ").append(answered).append(" из ").append(handedOver);
            if (median != null) {
                sb.append(", медиана ").append(age(median));
            }
            if (p90 != null) {
                sb.append(", 90% — за ").append(age(p90));
            }
            if (open > 0) {
                sb.append("; ждут ответа: ").append(open);
                if (longestOpen != null) {
                    sb.append(", дольше всех ").append(age(longestOpen));
                }
            }
            return sb.append('.').toString();
        }

        /** «45 мин», «2 ч 15 мин», «3 дн 4 ч». */
        public static String age(Duration d) {
            long minutes = Math.max(0, d.toMinutes());
            if (minutes < 60) {
                return minutes + " мин";
            }
            long hours = minutes / 60;
            return hours < 24 ? hours + " ч " + (minutes % 60) + " мин" : (hours / 24) + " дн " + (hours % 24) + " ч";
        }
    }
}
