package ru.kruzhok.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import ru.kruzhok.sheet.XlsxBook;

/** Charts a feature adds to the period report (survey results), one sheet per feature. */
public interface ReportCharts {

    /** The sheet's name («Опросы»). */
    String sheet();

    /** @param municipalities one code, or empty for the region */
    List<XlsxBook.Picture> charts(Set<String> municipalities, Instant from, Instant to);
}
