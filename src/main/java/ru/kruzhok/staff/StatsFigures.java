package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * The figures of a /stats section: parents (staff not counted), questions as questions (answered by
 * the bot + handed to a person), and the lines other features add ({@link StatsLine}).
 */
@Service
public class StatsFigures {

    private final ParentFigures parents;
    private final AnsweredQuestions questions;
    private final List<StatsLine> lines;

    StatsFigures(ParentFigures parents, AnsweredQuestions questions, List<StatsLine> lines) {
        this.parents = parents;
        this.questions = questions;
        this.lines = lines;
    }

    /**
     * @param parents   parent counts
     * @param questions questions all time
     * @param extra     lines other features add, in the bot's markup
     */
    public record Section(ParentFigures.Figures parents, AnsweredQuestions.Answered questions, List<String> extra) {
    }

    /** @param municipalities codes, or empty for everywhere */
    public Section section(Set<String> municipalities) {
        return new Section(parents.figuresFor(municipalities), questions.count(municipalities, null, null),
                extraLines(municipalities));
    }

    /** Where a response-time line (or any later figure) joins the section. */
    List<String> extraLines(Set<String> municipalities) {
        return lines.stream().map(l -> l.line(municipalities)).flatMap(Optional::stream).toList();
    }
}
