package ru.kruzhok.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

/**
 * The МОЦ period report on a seeded database: March 2001, a month no other test writes in, with known
 * parents, questions, searches, a survey, a broadcast and an event in Заречный and Центральный; every
 * figure is asserted per municipality and for the region, then the XLSX is opened as a methodist would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodReportTest extends IntegrationTest {

    private static final LocalDate FROM = LocalDate.of(2001, 3, 1);
    private static final LocalDate TO = LocalDate.of(2001, 3, 31);
    private static final String Z = "Заречный муниципальный округ";
    private static final String T = "Центральный район";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PeriodReport report;

    private PeriodReport.Table table;
    private String region;

    private static Timestamp at(String iso) {
        return Timestamp.from(Instant.parse(iso));
    }

    private String parent(String municipality, String createdAt, boolean notifications) {
        String chat = String.valueOf(newChatId());
        jdbc.update("""
                insert into parent(channel, chat_id, municipality, consent_at, notifications, created_at, updated_at)
                values ('telegram', ?, ?, ?, ?, ?, ?)""", chat, municipality, at(createdAt), notifications,
                at(createdAt), at(createdAt));
        return chat;
    }

    @BeforeAll
    void seed() {
        // parents: three new in Заречный in March (two with notifications), one from February, one in Центральный
        String z1 = parent("zarechny", "2001-03-05T10:00:00Z", true);
        String z2 = parent("zarechny", "2001-03-06T10:00:00Z", true);
        String z3 = parent("zarechny", "2001-03-07T10:00:00Z", false);
        parent("zarechny", "2001-02-10T10:00:00Z", false);
        String t1 = parent("tsentr", "2001-03-08T10:00:00Z", true);
        jdbc.update("insert into child(parent_id, birth_year) select id, 2015 from parent where chat_id = ?", z1);
        jdbc.update("insert into child(parent_id, birth_year) select id, 2017 from parent where chat_id = ?", z1);

        // questions: four answered by the bot in March (one more in April, one only a guess), two handed over
        for (String when : List.of("2001-03-02T08:00:00Z", "2001-03-03T08:00:00Z", "2001-03-04T08:00:00Z",
                "2001-03-31T19:00:00Z" /* 31 March 23:00 in Moscow (summer time, UTC+4, in 2001): still March */)) {
            jdbc.update("insert into faq_question_stat(municipality, decision, asked_at) values ('zarechny', 'ANSWER', ?)", at(when));
        }
        jdbc.update("insert into faq_question_stat(municipality, decision, asked_at) values ('zarechny', 'ANSWER', ?)",
                at("2001-04-01T08:00:00Z"));
        jdbc.update("insert into faq_question_stat(municipality, decision, asked_at) values ('zarechny', 'SUGGEST', ?)",
                at("2001-03-02T09:00:00Z"));
        jdbc.update("insert into faq_question_stat(municipality, decision, asked_at) values ('tsentr', 'ANSWER', ?)",
                at("2001-03-02T09:00:00Z"));
        jdbc.update("""
                insert into staff_question(channel, chat_id, municipality, question, status, created_at, answered_at)
                values ('telegram', ?, 'zarechny', 'Вопрос один', 'answered', ?, ?),
                       ('telegram', ?, 'zarechny', 'Вопрос два', 'sent', ?, null)""",
                z1, at("2001-03-10T07:00:00Z"), at("2001-03-10T07:30:00Z"), z2, at("2001-03-11T07:00:00Z"));
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into faq_answer_log(municipality, topic, answered_at) values ('zarechny', 'certificate.how-to-get', ?)",
                    at("2001-03-02T08:00:00Z"));
        }
        jdbc.update("insert into faq_answer_log(municipality, topic, answered_at) values ('zarechny', 'report-test.other', ?)",
                at("2001-03-02T08:00:00Z"));

        // searches and cards
        for (int i = 0; i < 5; i++) {
            jdbc.update("insert into catalog_activity(kind, municipality, at) values ('search', 'zarechny', ?)", at("2001-03-12T08:00:00Z"));
        }
        jdbc.update("insert into catalog_activity(kind, municipality, program_id, at) values ('view', 'zarechny', 1, ?), "
                + "('view', 'zarechny', 1, ?), ('view', 'tsentr', 2, ?)", at("2001-03-12T08:00:00Z"),
                at("2001-03-12T09:00:00Z"), at("2001-03-12T09:00:00Z"));

        // the satisfaction survey: four Заречный parents invited, two completed
        for (String chat : List.of(z1, z2, z3, t1)) {
            jdbc.update("insert into survey_invitation(survey_id, channel, chat_id, invited_at) values ('satisfaction', 'telegram', ?, ?)",
                    chat, at("2001-03-15T08:00:00Z"));
        }
        for (String m : List.of("zarechny", "zarechny")) {
            jdbc.update("""
                    insert into survey_response(survey_id, municipality, started_at, completed_at)
                    values ('satisfaction', ?, ?, ?)""", m, at("2001-03-16T08:00:00Z"), at("2001-03-16T08:10:00Z"));
        }

        // one broadcast in March to three Заречный parents (one blocked the bot) and one Центральный parent,
        // which was also the announcement of an event in Заречный
        Long broadcast = jdbc.queryForObject("""
                insert into broadcast(text, audience, status, send_at, created_at, started_at, finished_at, total)
                values ('Приглашаем', '{}', 'done', ?, ?, ?, ?, 4) returning id""", Long.class,
                at("2001-03-20T08:00:00Z"), at("2001-03-20T08:00:00Z"), at("2001-03-20T08:00:00Z"), at("2001-03-20T08:05:00Z"));
        jdbc.update("""
                insert into broadcast_recipient(broadcast_id, channel, chat_id, status)
                values (?, 'telegram', ?, 'sent'), (?, 'telegram', ?, 'sent'), (?, 'telegram', ?, 'blocked'),
                       (?, 'telegram', ?, 'sent')""", broadcast, z1, broadcast, z2, broadcast, z3, broadcast, t1);
        jdbc.update("""
                insert into event(title, starts_at, municipality, created_by, created_at, announcement_id)
                values ('Фестиваль кружков', ?, 'zarechny', 'test', ?, ?)""",
                at("2001-03-25T09:00:00Z"), at("2001-03-19T09:00:00Z"), broadcast);

        table = report.table(new PeriodReport.Request(FROM, TO, List.of("zarechny", "tsentr"), true));
        region = table.columns().get(2);
    }

    /** Other tests count parents, invitations and audiences without a period: leave nothing behind. */
    @AfterAll
    void removeTheSeededMonth() {
        jdbc.update("delete from event where starts_at < '2002-01-01'");
        jdbc.update("delete from broadcast where started_at < '2002-01-01'");
        jdbc.update("delete from survey_invitation where invited_at < '2002-01-01'");
        jdbc.update("delete from survey_response where completed_at < '2002-01-01'");
        jdbc.update("delete from catalog_activity where at < '2002-01-01'");
        jdbc.update("delete from faq_answer_log where answered_at < '2002-01-01'");
        jdbc.update("delete from staff_question where created_at < '2002-01-01'");
        jdbc.update("delete from faq_question_stat where asked_at < '2002-01-01'");
        jdbc.update("delete from parent where created_at < '2002-01-01'");
    }

    private Number v(String section, String label, String column) {
        return table.value(section, label, column);
    }

    @Test
    void parentsReachedAndSubscribed() {
        assertThat(table.columns()).containsExactly(Z, T, region);
        assertThat(region).startsWith("Регион");
        assertThat(v("Родители", "Родителей в боте на конец периода (дали согласие)", Z)).isEqualTo(4L);
        assertThat(v("Родители", "Новых родителей за период", Z)).isEqualTo(3L);
        assertThat(v("Родители", "Подписаны на уведомления", Z)).isEqualTo(2L);
        assertThat(v("Родители", "Детей в профилях родителей", Z)).isEqualTo(2L);
        assertThat(v("Родители", "Новых родителей за период", T)).isEqualTo(1L);
        assertThat(v("Родители", "Новых родителей за период", region)).isEqualTo(4L);
    }

    @Test
    void questionsAnsweredByTheBotAndByStaffWithTopTopicsAndResponseTime() {
        assertThat(v("Вопросы родителей", "Ответил бот", Z)).isEqualTo(4L);
        assertThat(v("Вопросы родителей", "Передано специалистам МОЦ", Z)).isEqualTo(2L);
        assertThat(v("Вопросы родителей", "Из них отвечено специалистами", Z)).isEqualTo(1L);
        assertThat(v("Вопросы родителей", "Вопросов всего (ответы бота и вопросы специалистам)", Z)).isEqualTo(6L);
        assertThat(v("Вопросы родителей", "Медианное время ответа специалиста, мин", Z)).isEqualTo(30.0);
        assertThat(v("Вопросы родителей", "Ответил бот", T)).isEqualTo(1L);
        assertThat(v("Вопросы родителей", "Ответил бот", region)).isEqualTo(5L);
        assertThat(table.rows().get("Частые темы вопросов (ответил бот)")).containsKey("report-test.other")
                .hasEntrySatisfying("report-test.other", values -> assertThat(values.get(0)).isEqualTo(1L));
        assertThat(table.rows().get("Частые темы вопросов (ответил бот)").values())
                .anySatisfy(values -> assertThat(values.get(0)).isEqualTo(3L));
    }

    @Test
    void searchesSurveysBroadcastsAndEvents() {
        assertThat(v("Поиск кружков", "Поисков кружков", Z)).isEqualTo(5L);
        assertThat(v("Поиск кружков", "Просмотров карточек программ", Z)).isEqualTo(2L);
        assertThat(v("Поиск кружков", "Разных программ просмотрено", Z)).isEqualTo(1L);
        assertThat(v("Поиск кружков", "Просмотров карточек программ", region)).isEqualTo(3L);

        String survey = table.rows().keySet().stream().filter(s -> s.startsWith("Опрос «Удовлетвор")).findFirst().orElseThrow();
        assertThat(v(survey, "Приглашено", Z)).isEqualTo(3L);
        assertThat(v(survey, "Прошли опрос", Z)).isEqualTo(2L);
        assertThat(v(survey, "Отклик, %", Z)).isEqualTo(66.7);
        assertThat(v(survey, "Приглашено", region)).isEqualTo(4L);
        assertThat(v(survey, "Отклик, %", region)).isEqualTo(50.0);

        assertThat(v("Рассылки", "Рассылок отправлено", Z)).isEqualTo(1L);
        assertThat(v("Рассылки", "Сообщений доставлено", Z)).isEqualTo(2L);
        assertThat(v("Рассылки", "Не доставлено (бот заблокирован)", Z)).isEqualTo(1L);
        assertThat(v("Рассылки", "Сообщений доставлено", region)).isEqualTo(3L);
        assertThat(v("События", "Событий проведено", Z)).isEqualTo(1L);
        assertThat(v("События", "Событий проведено", T)).isEqualTo(0L);
        assertThat(v("События", "Родителей получили приглашения", Z)).isEqualTo(2L);
    }

    @Test
    void theAdminApiGivesTheXlsxInRussianWithTheSurveyCharts() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/admin/report?from=2001-03-01&to=2001-03-31"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            List<List<String>> rows = rows(book.getSheet("Показатели"));
            assertThat(rows.get(0).get(0)).isEqualTo("Отчёт МОЦ за период 01.03.2001 – 31.03.2001");
            List<String> header = rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Раздел")).findFirst().orElseThrow();
            assertThat(header).startsWith("Раздел", "Показатель").contains(Z, T).last().asString().startsWith("Регион");
            int zCol = header.indexOf(Z);
            assertThat(rows).anySatisfy(r -> {
                assertThat(r).hasSizeGreaterThan(zCol);
                assertThat(r.get(1)).isEqualTo("Ответил бот");
                assertThat(r.get(zCol)).isEqualTo("4");
            });
            assertThat(book.getSheet("Опросы")).as("the survey's charts").isNotNull();
            assertThat(book.getAllPictures()).isNotEmpty();
        }
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/admin/report?from=2001-03-01&to=2001-03-31")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void staffGetTheirMunicipalitysReportInTelegram() throws Exception {
        long staff = newChatId();
        int before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        TELEGRAM.sendText(ADMIN_TELEGRAM_ID, "/staff add " + staff + " zarechny");
        TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + 1);

        TELEGRAM.sendText(staff, "/report 01.03.2001 31.03.2001");
        Call reply = TELEGRAM.awaitMessages(staff, 1).get(0);
        assertThat(reply.method()).isEqualTo("sendDocument");
        assertThat(reply.text()).contains("Отчёт за 1.3.2001 – 31.3.2001");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TELEGRAM.sentFile(reply, "document")))) {
            List<List<String>> rows = rows(book.getSheet("Показатели"));
            List<String> header = rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Раздел")).findFirst().orElseThrow();
            assertThat(header).containsExactly("Раздел", "Показатель", Z);
        }
        TELEGRAM.sendText(staff, "/report 01.03.2001 31.03.2001 tsentr");
        assertThat(TELEGRAM.awaitMessages(staff, 2).get(1).text()).isEqualTo(ReportCommand.NOT_YOURS);
        TELEGRAM.sendText(staff, "/report март");
        assertThat(TELEGRAM.awaitMessages(staff, 3).get(2).text()).isEqualTo(ReportCommand.USAGE);
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter f = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
            }
            out.add(cells);
        }
        return out;
    }
}
