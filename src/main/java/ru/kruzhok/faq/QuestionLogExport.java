package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.sheet.ExportFormat;
import ru.kruzhok.sheet.XlsxBook;
import ru.kruzhok.staff.StaffExport;

/**
 * /export questions: the log of questions handed to a person (staff_question), with when they were
 * asked and answered in the municipality's local time and how long the answer took. Kept in a file of
 * its own so the question desk's code stays as it is.
 */
@Component
class QuestionLogExport implements StaffExport {

    static final String NAME = "questions";

    private final JdbcTemplate jdbc;
    private final ExportFormat format;

    QuestionLogExport(JdbcTemplate jdbc, ExportFormat format) {
        this.jdbc = jdbc;
        this.format = format;
    }

    @Override
    public List<Offer> offers() {
        return List.of(new Offer(NAME, "Вопросы родителей специалистам"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutgoingFile> files(String name, Set<String> municipalities) {
        String where = municipalities.isEmpty() ? "" : " where municipality = any (?::varchar[])";
        Object[] args = municipalities.isEmpty() ? new Object[0] : new Object[] {municipalities.toArray(String[]::new)};
        try (XlsxBook book = new XlsxBook()) {
            XlsxBook.Table table = book.table("Вопросы", List.of("№", "Задан (местное время)", "Муниципалитет",
                    "Мессенджер", "Вопрос", "Статус", "Отвечен (местное время)", "Время ответа, мин"));
            table.width(4, 70);
            jdbc.query("select id, created_at, municipality, channel, question, status, answered_at from staff_question"
                    + where + " order by id", rs -> {
                String m = rs.getString("municipality");
                Instant asked = rs.getTimestamp("created_at").toInstant();
                Timestamp answered = rs.getTimestamp("answered_at");
                List<Object> row = new ArrayList<>();
                row.add(rs.getLong("id"));
                row.add(format.format(asked, m));
                row.add(format.name(m));
                row.add(ExportFormat.messenger(rs.getString("channel")));
                row.add(rs.getString("question"));
                row.add(status(rs.getString("status")));
                row.add(answered == null ? "" : format.format(answered.toInstant(), m));
                row.add(answered == null ? null : Duration.between(asked, answered.toInstant()).toMinutes());
                table.row(row);
            }, args);
            return List.of(OutgoingFile.document("questions.xlsx", XlsxBook.MIME, book.bytes()));
        }
    }

    static String status(String code) {
        return switch (code == null ? "" : code) {
            case "new" -> "ещё не передан";
            case "sent" -> "ждёт ответа";
            case "answered" -> "отвечен";
            case "closed" -> "закрыт";
            default -> code;
        };
    }
}
