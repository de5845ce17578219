package ru.kruzhok.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;

/**
 * How fast staff answered handed-over questions in the last 30 days, under a /stats section's
 * question figures. A month, not all time: a МОЦ wants to see how the desk is doing now.
 */
@Component
@Order(10)
class ResponseTimeStatsLine implements StatsLine {

    static final Duration PERIOD = Duration.ofDays(30);

    private final ObjectProvider<QuestionFigures> questions;
    private final Clock clock;

    ResponseTimeStatsLine(ObjectProvider<QuestionFigures> questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    @Override
    public Optional<String> line(Set<String> municipalities) {
        QuestionFigures figures = questions.getIfAvailable();
        if (figures == null) {
            return Optional.empty();
        }
        QuestionFigures.ResponseTimes times = figures.responseTimes(municipalities, clock.instant().minus(PERIOD));
        return Optional.of("Ответы специалистов за 30 дней: " + Markup.escape(times.summary()));
    }
}
