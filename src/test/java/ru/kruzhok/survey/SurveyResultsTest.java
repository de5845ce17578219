package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.survey.SurveyResponses.Progress;
import ru.kruzhok.survey.SurveyResponses.Respondent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Results of the shipped survey over three known responses (in a municipality of their own, so
 * other tests' answers do not count): numbers, CSV and XLSX read back, anonymity, a chart.
 */
class SurveyResultsTest extends IntegrationTest {

    @Autowired
    SurveyCatalog catalog;
    @Autowired
    SurveyResponses responses;
    @Autowired
    SurveyResults results;
    @Autowired
    SurveyInvitations invitations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String municipality;
    private final List<ChatAddress> chats = List.of(chat(), chat(), chat());

    private static ChatAddress chat() {
        return new ChatAddress("telegram", String.valueOf(newChatId()));
    }

    /** Answers the survey to the end; for a multiple choice "a+b", "-" skips an optional question. */
    private void answer(ChatAddress chat, Map<String, String> given) {
        Survey s = catalog.find("satisfaction").orElseThrow();
        Progress p = responses.start(s, new Respondent(chat, "", null, municipality)).progress();
        while (!p.completed()) {
            String q = p.current();
            String value = given.get(q);
            assertThat(value).as("answer to %s", q).isNotNull();
            if (value.equals("-")) {
                p = responses.skip(p);
            } else if (s.question(q).orElseThrow().kind() == Survey.Kind.MULTI) {
                for (String option : value.split("\\+")) {
                    assertThat(responses.toggle(p, option)).isTrue();
                }
                p = responses.finishMulti(p);
            } else {
                p = responses.answer(p, value);
            }
        }
    }

    @BeforeEach
    void threeResponses() {
        municipality = "t" + UUID.randomUUID().toString().substring(0, 8);
        answer(chats.get(0), Map.ofEntries(Map.entry("certificate", "Да, пользуемся"), Map.entry("navigator", "Да"),
                Map.entry("enrolment", "5"), Map.entry("directions", "Техническое"), Map.entry("attends", "Да"),
                Map.entry("schedule", "4"), Map.entry("teaching", "5"), Map.entry("facilities", "3"),
                Map.entry("disabilities", "Частично"), Map.entry("overall", "5"), Map.entry("nps", "10"),
                Map.entry("missing", "Нужна робототехника")));
        answer(chats.get(1), Map.of("certificate", "Нет, не знаю", "navigator", "Нет", "directions", "Всего хватает",
                "attends", "Нет", "disabilities", "Да, доступны", "overall", "3", "nps", "5", "missing", "-"));
        answer(chats.get(2), Map.ofEntries(Map.entry("certificate", "Да, пользуемся"), Map.entry("navigator", "Да"),
                Map.entry("enrolment", "4"), Map.entry("directions", "Художественное+Техническое"), Map.entry("attends", "Да"),
                Map.entry("schedule", "5"), Map.entry("teaching", "4"), Map.entry("facilities", "4"),
                Map.entry("disabilities", "Нет"), Map.entry("overall", "4"), Map.entry("nps", "9"),
                Map.entry("missing", "Всё хорошо; спасибо, \"Кружок\"")));
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/surveys/satisfaction/" + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void resultsCountPercentagesAveragesNpsAndTextsWithTheMunicipalityFilter() throws Exception {
        HttpResponse<byte[]> response = get("results?municipality=" + municipality);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode r = json.readTree(response.body());
        assertThat(r.get("responses").asInt()).isEqualTo(3);
        JsonNode q = r.get("questions");
        JsonNode certificate = q.get(0);
        assertThat(certificate.get("counts").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(certificate.get("counts").get(0).get("percent").asDouble()).isEqualTo(66.7);
        JsonNode enrolment = q.get(2);
        assertThat(enrolment.get("answered").asInt()).isEqualTo(2); // the skip rule left it out once
        assertThat(enrolment.get("average").asDouble()).isEqualTo(4.5);
        JsonNode directions = q.get(3);
        assertThat(directions.get("counts").get(0).get("answer").asString()).isEqualTo("Техническое");
        assertThat(directions.get("counts").get(0).get("count").asInt()).isEqualTo(2);
        JsonNode nps = q.get(10);
        assertThat(nps.get("nps").asDouble()).isEqualTo(33.3); // 2 promoters, 1 detractor of 3
        assertThat(nps.get("average").asDouble()).isEqualTo(8.0);
        JsonNode missing = q.get(11);
        assertThat(missing.get("texts")).hasSize(2);
        assertThat(r.get("invited").asInt()).isZero();

        // another period: nothing
        assertThat(json.readTree(get("results?municipality=" + municipality + "&from=2000-01-01&to=2000-12-31").body())
                .get("responses").asInt()).isZero();
        assertThat(get("results?municipality=" + municipality + "&from=nonsense").statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/surveys/nope/results"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        // the staff summary for the chat has the same numbers
        String summary = results.summary("satisfaction", new SurveyResults.Filter(municipality, null, null));
        assertThat(summary).contains("Ответов: 3", "Да, пользуемся — 2 (66.7%)", "Средняя оценка: 4.5", "NPS: 33.3");
    }

    @Test
    void csvHasABomCyrillicOneRowPerResponseAndNoChatOfAnAnonymousSurvey() throws Exception {
        byte[] body = get("results.csv?municipality=" + municipality).body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setDelimiter(';').get()
                .parse(new InputStreamReader(new ByteArrayInputStream(body, 3, body.length - 3), StandardCharsets.UTF_8))
                .getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).values()).contains("Муниципалитет").doesNotContain("Чат", "Ребёнок");
        assertThat(rows.get(0).get(3)).startsWith("certificate. Знаете ли вы о сертификате");
        assertThat(rows.get(3).get(3)).isEqualTo("Да, пользуемся");
        assertThat(rows.get(3).get(6)).isEqualTo("Техническое; Художественное"); // options in their order
        assertThat(rows.get(3).get(14)).isEqualTo("Всё хорошо; спасибо, \"Кружок\"");
        assertThat(rows.get(2).get(5)).isEmpty(); // skipped by the rule
        String text = new String(body, StandardCharsets.UTF_8);
        chats.forEach(c -> assertThat(text).doesNotContain(c.chatId()));
    }

    @Test
    void xlsxHasASummaryAndRawResponsesWithoutWhoAnswered() throws Exception {
        HttpResponse<byte[]> response = get("results.xlsx?municipality=" + municipality);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            DataFormatter f = new DataFormatter();
            Sheet summary = book.getSheet("Итоги");
            assertThat(f.formatCellValue(summary.getRow(0).getCell(0))).isEqualTo("Удовлетворённость дополнительным образованием");
            assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            boolean npsFound = false;
            for (Row row : summary) {
                if (row.getCell(0) != null && f.formatCellValue(row.getCell(0)).equals("NPS")) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(33.3);
                    npsFound = true;
                }
            }
            assertThat(npsFound).isTrue();
            // the chat's charts, embedded one per question
            assertThat(book.getSheet("Диаграммы")).isNotNull();
            assertThat(book.getAllPictures()).hasSize(11)
                    .allSatisfy(p -> assertThat(p.getMimeType()).isEqualTo("image/png"));
            assertThat(f.formatCellValue(book.getSheet("Диаграммы").getRow(0).getCell(0))).startsWith("1. ");
            Sheet raw = book.getSheet("Ответы");
            assertThat(raw.getLastRowNum()).isEqualTo(3);
            assertThat(f.formatCellValue(raw.getRow(0).getCell(2))).isEqualTo("Муниципалитет");
            assertThat(f.formatCellValue(raw.getRow(0).getCell(3))).startsWith("certificate.");
            assertThat(f.formatCellValue(raw.getRow(1).getCell(3))).isEqualTo("Да, пользуемся");
            assertThat(raw.getRow(1).getCell(13).getNumericCellValue()).isEqualTo(10.0); // nps as a number
            for (Row row : raw) {
                row.forEach(cell -> chats.forEach(c -> assertThat(f.formatCellValue(cell)).doesNotContain(c.chatId())));
            }
        }
    }

    @Test
    void chartIsAPngOfTheRightSizeWithCyrillicDrawn() throws Exception {
        assertThat(SurveyCharts.loadFont().canDisplayUpTo("Удовлетворены Знаете ли вы о сертификате")).isEqualTo(-1);
        HttpResponse<byte[]> response = get("questions/certificate/chart.png?municipality=" + municipality);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(SurveyCharts.WIDTH);
        assertThat(image.getHeight()).isBetween(ru.kruzhok.sheet.BarChart.MIN_HEIGHT, ru.kruzhok.sheet.BarChart.MAX_HEIGHT);
        // the title (Cyrillic) is drawn: dark pixels in the top band of a white picture
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < 40; y++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan(500);
        assertThat(get("questions/missing/chart.png").statusCode()).isEqualTo(404);
        assertThat(results.charts("satisfaction", new SurveyResults.Filter(municipality, null, null))).hasSize(11);
    }

    @Test
    void invitationsGiveTheResponseRate() throws Exception {
        invitations.recordInvitation("satisfaction", chats.get(0));
        invitations.recordInvitation("satisfaction", chats.get(0));
        assertThat(invitations.invited("satisfaction")).isGreaterThanOrEqualTo(1);
        JsonNode r = json.readTree(get("results").body());
        assertThat(r.get("invited").asLong()).isEqualTo(invitations.invited("satisfaction"));
        // responses ÷ invited, in per cent with one decimal
        double expected = Math.round(1000.0 * r.get("responses").asLong() / r.get("invited").asLong()) / 10.0;
        assertThat(r.get("responseRate").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.051));
        assertThat(invitations.audience("satisfaction").everyone()).isTrue();
    }
}
