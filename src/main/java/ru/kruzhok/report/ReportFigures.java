package ru.kruzhok.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A feature's figures for the МОЦ period report, in Russian: each feature that holds some of what a
 * report needs (parents, questions, searches, surveys, broadcasts, events) implements this as a bean.
 * The report asks once per municipality column and once for the region, and lays the figures out as
 * a table; it never reads another feature's tables.
 */
public interface ReportFigures {

    /** Where this feature's rows go in the report (parents 10, questions 20, catalog 30, surveys 40, broadcasts 50, events 60). */
    int order();

    /**
     * @param municipalities one municipality code, or empty for the whole region
     * @param from           first instant of the period
     * @param to             first instant after the period
     */
    List<Figure> figures(Set<String> municipalities, Instant from, Instant to);

    /** The period and the municipalities as SQL parameters {@code :from}, {@code :to} and {@code :m} (a varchar array). */
    static MapSqlParameterSource periodParameters(Set<String> municipalities, Instant from, Instant to) {
        return new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
                .addValue("m", municipalities.toArray(String[]::new));
    }

    /**
     * One row of the report.
     *
     * @param section the heading it goes under («Вопросы родителей»)
     * @param label   what it counts («Ответил бот»)
     * @param value   the figure (null: not known for this column)
     */
    record Figure(String section, String label, Number value) {
    }
}
