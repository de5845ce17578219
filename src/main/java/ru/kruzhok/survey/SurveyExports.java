package ru.kruzhok.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import ru.kruzhok.sheet.ExportFormat;
import ru.kruzhok.survey.Survey.Question;
import ru.kruzhok.survey.SurveyResults.Filter;
import ru.kruzhok.survey.SurveyResults.OptionCount;
import ru.kruzhok.survey.SurveyResults.QuestionResult;
import ru.kruzhok.survey.SurveyResults.RawResponse;
import ru.kruzhok.survey.SurveyResults.Results;

/**
 * Survey results as files for a report: CSV (the raw responses, UTF-8 with a BOM and ';' between
 * columns so Excel with Russian settings opens Cyrillic right) and XLSX (a summary sheet and a
 * raw-responses sheet, and a sheet of the charts). An anonymous survey has no "who" columns at all.
 */
@Component
class SurveyExports {

    private final SurveyResults results;
    private final ExportFormat format;

    SurveyExports(SurveyResults results, ExportFormat format) {
        this.results = results;
        this.format = format;
    }

    byte[] csv(String surveyId, Filter filter) {
        Survey s = results.survey(surveyId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            csv.printRecord(header(s));
            for (RawResponse r : results.responses(surveyId, filter)) {
                csv.printRecord(row(s, r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] xlsx(String surveyId, Filter filter) {
        Survey s = results.survey(surveyId);
        Results summary = results.results(surveyId, filter);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            XSSFFont font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet sum = book.createSheet("Итоги");
            int n = 0;
            cells(sum.createRow(n++), List.of(summary.title())).getCell(0).setCellStyle(bold);
            cells(sum.createRow(n++), List.of("Ответов", summary.responses()));
            cells(sum.createRow(n++), List.of("Приглашено", summary.invited()));
            cells(sum.createRow(n++), List.of("Отклик, %", summary.responseRate() == null ? "—" : summary.responseRate()));
            cells(sum.createRow(n++), List.of("Кто и когда", results.scope(surveyId, filter)));
            n++;
            for (QuestionResult q : summary.questions()) {
                cells(sum.createRow(n++), List.of(q.text())).getCell(0).setCellStyle(bold);
                cells(sum.createRow(n++), List.of("Ответили", q.answered()));
                if (q.texts() != null) {
                    for (String t : q.texts()) {
                        cells(sum.createRow(n++), List.of("", t));
                    }
                } else {
                    cells(sum.createRow(n++), List.of("Ответ", "Количество", "%"));
                    for (OptionCount c : q.counts()) {
                        cells(sum.createRow(n++), List.of(c.answer(), c.count(), c.percent()));
                    }
                    if (q.average() != null) {
                        cells(sum.createRow(n++), List.of("Среднее", q.average()));
                    }
                    if (q.nps() != null) {
                        cells(sum.createRow(n++), List.of("NPS", q.nps()));
                    }
                }
                n++;
            }
            sum.setColumnWidth(0, 60 * 256);
            sum.setColumnWidth(1, 14 * 256);

            // the same charts staff get in the chat, to paste into a report
            Sheet pictures = book.createSheet("Диаграммы");
            int at = 0;
            org.apache.poi.ss.usermodel.Drawing<?> drawing = pictures.createDrawingPatriarch();
            for (SurveyResults.Chart c : results.questionCharts(surveyId, filter)) {
                cells(pictures.createRow(at), List.of(c.number() + ". " + c.question())).getCell(0).setCellStyle(bold);
                int index = book.addPicture(c.png(), org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
                org.apache.poi.ss.usermodel.ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
                anchor.setCol1(0);
                anchor.setRow1(at + 1);
                drawing.createPicture(anchor, index).resize(CHART_SCALE);
                // a default row is 20 px high
                at += 3 + (int) Math.ceil(pngHeight(c.png()) * CHART_SCALE / 20.0);
            }

            Sheet raw = book.createSheet("Ответы");
            cells(raw.createRow(0), new ArrayList<>(header(s)));
            int r = 1;
            for (RawResponse response : results.responses(surveyId, filter)) {
                cells(raw.createRow(r++), new ArrayList<>(row(s, response)));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Charts are placed at 70 % of their size: a sheet column of charts stays one screen wide. */
    static final double CHART_SCALE = 0.7;

    private static int pngHeight(byte[] png) {
        // the IHDR chunk holds the height at bytes 20-23
        return ((png[20] & 0xFF) << 24) | ((png[21] & 0xFF) << 16) | ((png[22] & 0xFF) << 8) | (png[23] & 0xFF);
    }

    private static List<String> header(Survey s) {
        List<String> h = new ArrayList<>(List.of("№", "Завершён (местное время)", "Муниципалитет"));
        if (!s.anonymous()) {
            h.add("Чат");
            h.add("Ребёнок");
        }
        for (Question q : s.questions()) {
            h.add(q.id() + ". " + q.text());
        }
        return h;
    }

    /** Times in the respondent's municipality's zone, with the offset, so a file mixing districts reads right. */
    private List<Object> row(Survey s, RawResponse r) {
        List<Object> row = new ArrayList<>();
        row.add(r.id());
        row.add(format.format(r.completedAt(), r.municipality()));
        row.add(format.name(r.municipality()));
        if (!s.anonymous()) {
            row.add(r.chat() == null ? "" : r.chat());
            row.add(r.child() == null ? "" : r.child());
        }
        for (Question q : s.questions()) {
            List<String> a = r.answers().getOrDefault(q.id(), List.of());
            if (a.size() == 1 && (q.kind() == Survey.Kind.SCALE || q.kind() == Survey.Kind.NPS)) {
                row.add(Integer.parseInt(a.get(0)));
            } else {
                row.add(String.join("; ", a));
            }
        }
        return row;
    }

    private static Row cells(Row row, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Number num) {
                row.createCell(i).setCellValue(num.doubleValue());
            } else {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
        return row;
    }
}
