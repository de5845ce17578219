package ru.kruzhok.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A survey as a methodist wrote it in {@code dialogs/surveys/<id>.yaml}: who it is for, when it is
 * open, and its questions in order.
 *
 * @param perChild one response per child (the parent answers once for each child) instead of per parent
 */
public record Survey(String id, String title, String intro, boolean anonymous, LocalDate opens, LocalDate closes,
                     Audience audience, boolean perChild, List<Question> questions, String file) {

    public enum Kind { SINGLE, MULTI, SCALE, NPS, TEXT }

    /** Empty municipalities mean every municipality; null ages mean any age; everyone means no profile needed. */
    public record Audience(boolean everyone, Set<String> municipalities, Integer ageFrom, Integer ageTo) {
    }

    /** «If the answer is {@code ifValue}, go to {@code to}» — {@code to} is a later question id or "end". */
    public record SkipRule(String ifValue, String to) {
    }

    /**
     * @param options the choices of single and multi (for scale and nps the numbers are implied)
     * @param max     multi: at most this many choices; text: at most this many characters
     */
    public record Question(String id, Kind kind, String text, List<String> options, int max, boolean required,
                           List<SkipRule> skip, int line) {

        /** The answers a button offers, in order: options, or the numbers of a scale. */
        public List<String> choices() {
            return switch (kind) {
                case SINGLE, MULTI -> options;
                case SCALE -> List.of("1", "2", "3", "4", "5");
                case NPS -> List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
                case TEXT -> List.of();
            };
        }
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public int indexOf(String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }

    public boolean isOpen(LocalDate today) {
        return (opens == null || !today.isBefore(opens)) && (closes == null || !today.isAfter(closes));
    }
}
