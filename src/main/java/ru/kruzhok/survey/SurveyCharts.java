package ru.kruzhok.survey;

import java.awt.Font;
import java.util.List;

import org.springframework.stereotype.Component;
import ru.kruzhok.sheet.BarChart;
import ru.kruzhok.survey.SurveyResults.QuestionResult;

/**
 * A question's answers as a horizontal bar chart (PNG): one bar per option with its share of those
 * who answered and their number, the question as the title, and what was counted — municipality,
 * period, how many answered — as the subtitle, so a chart pasted into a report explains itself.
 */
@Component
class SurveyCharts {

    static final int WIDTH = BarChart.WIDTH;

    static Font loadFont() {
        return BarChart.font();
    }

    Font font() {
        return BarChart.font();
    }

    /** @param scope «Центральный район · 01.09.2026 – 30.11.2026» */
    byte[] png(QuestionResult q, String scope) {
        return BarChart.png(q.text(), subtitle(q, scope), bars(q));
    }

    static List<BarChart.Bar> bars(QuestionResult q) {
        return q.counts().stream().map(c -> new BarChart.Bar(c.answer(), c.count(), c.percent())).toList();
    }

    static String subtitle(QuestionResult q, String scope) {
        return scope + " · ответили: " + q.answered();
    }
}
