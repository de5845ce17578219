package ru.kruzhok.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.sheet.ExportFormat;
import ru.kruzhok.sheet.XlsxBook;

/**
 * The МОЦ period report as XLSX: the figures an annual or monitoring report quotes, a column per
 * municipality and one for the region, and the survey charts. Built from {@link ReportFigures} and
 * {@link ReportCharts} beans, so each feature says what it knows.
 */
@Service
public class PeriodReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final List<ReportFigures> figures;
    private final List<ReportCharts> charts;
    private final Municipalities municipalities;
    private final ExportFormat format;
    private final Clock clock;

    PeriodReport(List<ReportFigures> figures, List<ReportCharts> charts, Municipalities municipalities,
                 ExportFormat format, Clock clock) {
        this.figures = figures.stream().sorted(Comparator.comparingInt(ReportFigures::order)).toList();
        this.charts = charts;
        this.municipalities = municipalities;
        this.format = format;
        this.clock = clock;
    }

    /**
     * @param from    first day, inclusive
     * @param to      last day, inclusive
     * @param columns municipality codes, one column each
     * @param region  add the column for the whole region (admins)
     */
    public record Request(LocalDate from, LocalDate to, List<String> columns, boolean region) {
    }

    /** The figures: section → label → one value per column (municipalities, then the region). */
    public record Table(List<String> columns, Map<String, Map<String, List<Number>>> rows) {
        /** The value of a row in a column, for tests and callers that need one figure. */
        public Number value(String section, String label, String column) {
            Map<String, List<Number>> s = rows.get(section);
            List<Number> values = s == null ? null : s.get(label);
            int i = columns.indexOf(column);
            return values == null || i < 0 ? null : values.get(i);
        }
    }

    /** The period's zone: the municipality's when there is one column, else the default zone. */
    ZoneId zone(Request r) {
        return r.columns().size() == 1 && !r.region() ? format.zoneOf(r.columns().get(0)) : Municipality.DEFAULT_ZONE;
    }

    public Table table(Request r) {
        ZoneId zone = zone(r);
        Instant from = r.from().atStartOfDay(zone).toInstant();
        Instant to = r.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<Set<String>> scopes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String code : r.columns()) {
            scopes.add(Set.of(code));
            names.add(format.name(code));
        }
        if (r.region()) {
            scopes.add(Set.of());
            names.add(regionColumn());
        }
        Map<String, Map<String, List<Number>>> rows = new LinkedHashMap<>();
        for (ReportFigures f : figures) {
            for (int c = 0; c < scopes.size(); c++) {
                for (ReportFigures.Figure fig : f.figures(scopes.get(c), from, to)) {
                    List<Number> values = rows.computeIfAbsent(fig.section(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(fig.label(), k -> new ArrayList<>(java.util.Collections.nCopies(scopes.size(), null)));
                    values.set(c, fig.value());
                }
            }
        }
        return new Table(names, rows);
    }

    String regionColumn() {
        String region = municipalities.regionName();
        return region == null || region.isBlank() ? "Регион" : "Регион (" + region + ")";
    }

    public byte[] xlsx(Request r) {
        Table t = table(r);
        ZoneId zone = zone(r);
        Instant from = r.from().atStartOfDay(zone).toInstant();
        Instant to = r.to().plusDays(1).atStartOfDay(zone).toInstant();
        try (XlsxBook book = new XlsxBook()) {
            XlsxBook.Table sheet = book.sheet("Показатели");
            sheet.title("Отчёт МОЦ за период " + DAY.format(r.from()) + " – " + DAY.format(r.to()));
            sheet.row(List.of("Сформирован " + format.format(clock.instant(), r.columns().size() == 1 ? r.columns().get(0) : null)));
            sheet.skip();
            List<Object> header = new ArrayList<>(List.of("Раздел", "Показатель"));
            header.addAll(t.columns());
            sheet.title(String.valueOf(header.get(0)));
            // the header row: bold titles over the columns
            org.apache.poi.ss.usermodel.Row h = sheet.poi().getRow(sheet.nextRow() - 1);
            for (int i = 1; i < header.size(); i++) {
                h.createCell(i).setCellValue(String.valueOf(header.get(i)));
                h.getCell(i).setCellStyle(h.getCell(0).getCellStyle());
            }
            for (Map.Entry<String, Map<String, List<Number>>> section : t.rows().entrySet()) {
                for (Map.Entry<String, List<Number>> row : section.getValue().entrySet()) {
                    List<Object> cells = new ArrayList<>(List.of(section.getKey(), row.getKey()));
                    cells.addAll(row.getValue());
                    sheet.row(cells);
                }
            }
            sheet.width(0, 28);
            sheet.width(1, 52);
            for (int i = 0; i < t.columns().size(); i++) {
                sheet.width(2 + i, 22);
            }
            // charts for the region, or for each municipality of the report (a staff member sees only theirs)
            List<Set<String>> chartScopes = r.region() ? List.of(Set.of())
                    : r.columns().stream().map(Set::of).toList();
            for (ReportCharts c : charts) {
                List<XlsxBook.Picture> pictures = new ArrayList<>();
                chartScopes.forEach(scope -> pictures.addAll(c.charts(scope, from, to)));
                if (!pictures.isEmpty()) {
                    book.pictures(c.sheet(), pictures, 0.7);
                }
            }
            return book.bytes();
        }
    }
}
