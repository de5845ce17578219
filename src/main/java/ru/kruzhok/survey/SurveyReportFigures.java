package ru.kruzhok.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.report.ReportCharts;
import ru.kruzhok.report.ReportFigures;
import ru.kruzhok.sheet.BarChart;
import ru.kruzhok.sheet.ExportFormat;
import ru.kruzhok.sheet.XlsxBook;

/**
 * Surveys in the period report: per survey, how many were invited in the period (a municipality's
 * invited are its parents with a profile), how many completed it, and the response rate; and the
 * survey's charts for the period.
 */
@Component
class SurveyReportFigures implements ReportFigures, ReportCharts {

    private final SurveyCatalog catalog;
    private final SurveyResults results;
    private final JdbcTemplate jdbc;
    private final ExportFormat format;

    SurveyReportFigures(SurveyCatalog catalog, SurveyResults results, JdbcTemplate jdbc, ExportFormat format) {
        this.catalog = catalog;
        this.results = results;
        this.jdbc = jdbc;
        this.format = format;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Figure> figures(Set<String> municipalities, Instant from, Instant to) {
        List<Figure> out = new ArrayList<>();
        String[] codes = municipalities.toArray(String[]::new);
        for (Survey s : catalog.all()) {
            String section = "Опрос «" + s.title() + "»";
            List<Object> args = new ArrayList<>(List.of(s.id(), Timestamp.from(from), Timestamp.from(to)));
            String invitedWhere = "";
            String responsesWhere = "";
            if (!municipalities.isEmpty()) {
                invitedWhere = " and exists (select 1 from parent p where p.channel = i.channel and p.chat_id = i.chat_id"
                        + " and p.municipality = any (?::varchar[]))";
                responsesWhere = " and municipality = any (?::varchar[])";
                args.add(codes);
            }
            long invited = jdbc.queryForObject("select count(*) from survey_invitation i where survey_id = ?"
                    + " and invited_at >= ? and invited_at < ?" + invitedWhere, Long.class, args.toArray());
            long completed = jdbc.queryForObject("select count(*) from survey_response where survey_id = ?"
                    + " and completed_at >= ? and completed_at < ?" + responsesWhere, Long.class, args.toArray());
            out.add(new Figure(section, "Приглашено", invited));
            out.add(new Figure(section, "Прошли опрос", completed));
            out.add(new Figure(section, "Отклик, %", invited == 0 ? null : Math.round(1000.0 * completed / invited) / 10.0));
        }
        return out;
    }

    @Override
    public String sheet() {
        return "Опросы";
    }

    @Override
    public List<XlsxBook.Picture> charts(Set<String> municipalities, Instant from, Instant to) {
        String municipality = municipalities.isEmpty() ? null : municipalities.iterator().next();
        ZoneId zone = municipality == null ? Municipality.DEFAULT_ZONE : format.zoneOf(municipality);
        SurveyResults.Filter filter = new SurveyResults.Filter(municipality, from.atZone(zone).toLocalDate(),
                to.minusSeconds(1).atZone(zone).toLocalDate());
        List<XlsxBook.Picture> out = new ArrayList<>();
        for (Survey s : catalog.all()) {
            if (results.responses(s.id(), filter).isEmpty()) {
                continue;
            }
            for (SurveyResults.Chart c : results.questionCharts(s.id(), filter)) {
                byte[] png = c.png();
                out.add(new XlsxBook.Picture("«" + s.title() + "», " + format.name(municipality).replace(ExportFormat.NO_MUNICIPALITY, "регион")
                        + ": " + c.number() + ". " + c.question(), png, height(png)));
            }
        }
        return out;
    }

    private static int height(byte[] png) {
        // the IHDR chunk holds the height at bytes 20-23
        return png.length < 24 ? BarChart.MIN_HEIGHT
                : ((png[20] & 0xFF) << 24) | ((png[21] & 0xFF) << 16) | ((png[22] & 0xFF) << 8) | (png[23] & 0xFF);
    }
}
