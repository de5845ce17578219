package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

/**
 * /export in Telegram through the real TelegramBots client: staff get XLSX documents in Russian
 * (headers, municipality names, directions, да/нет, local times with the offset), holding only their
 * own municipality's parents and questions; a group gets no personal data; a parent gets the
 * unknown-command reply.
 */
class ExportTelegramTest extends IntegrationTest {

    @Autowired
    ParentProfiles parents;
    @Autowired
    JdbcTemplate jdbc;

    private static final DataFormatter CELLS = new DataFormatter();

    private static long newStaff(String municipality) {
        long user = newChatId();
        int before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        TELEGRAM.sendText(ADMIN_TELEGRAM_ID, "/staff add " + user + " " + municipality);
        assertThat(TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + 1).get(before).text()).contains("✅");
        return user;
    }

    private ChatAddress parentIn(String municipality, String direction) {
        ChatAddress chat = new ChatAddress("telegram", String.valueOf(newChatId()));
        parents.consent(chat);
        parents.setMunicipality(chat, municipality);
        parents.addChild(chat, "Петя", 2016);
        parents.toggleInterest(chat, direction);
        return chat;
    }

    private static List<List<String>> rows(byte[] xlsx, String sheet) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = book.getSheet(sheet);
            assertThat(s).as("sheet " + sheet).isNotNull();
            List<List<String>> out = new ArrayList<>();
            for (Row row : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : CELLS.formatCellValue(row.getCell(i)));
                }
                out.add(cells);
            }
            return out;
        }
    }

    @Test
    void staffGetTheirMunicipalitysFilesInRussianAsDocuments() throws Exception {
        ChatAddress mine = parentIn("zarechny", "sports");
        ChatAddress other = parentIn("tsentr", "arts");
        jdbc.update("""
                insert into staff_question(channel, chat_id, municipality, question, status, created_at, answered_at)
                values ('telegram', ?, 'zarechny', 'Когда начнётся запись в кружок робототехники?', 'answered', ?, ?)""",
                mine.chatId(), Timestamp.from(Instant.parse("2026-11-02T07:00:00Z")),
                Timestamp.from(Instant.parse("2026-11-02T07:25:00Z")));
        long staff = newStaff("zarechny");

        int before = TELEGRAM.messagesTo(staff).size();
        TELEGRAM.sendText(staff, "/export");
        TELEGRAM.await(all -> TELEGRAM.messagesTo(staff).stream().skip(before)
                .filter(c -> c.method().equals("sendDocument")).count() >= 3, java.time.Duration.ofSeconds(20));
        TELEGRAM.awaitPollerIdle();
        List<Call> docs = TELEGRAM.messagesTo(staff).stream().skip(before)
                .filter(c -> c.method().equals("sendDocument")).toList();
        assertThat(docs).extracting(Call::text)
                .contains("Список родителей", "Вопросы родителей специалистам")
                .anyMatch(t -> t.startsWith("Итоги опроса «"));

        byte[] parentsFile = TELEGRAM.sentFile(docs.stream().filter(c -> c.text().equals("Список родителей"))
                .findFirst().orElseThrow(), "document");
        List<List<String>> parentRows = rows(parentsFile, "Родители");
        assertThat(parentRows.get(0)).containsExactly("Мессенджер", "Чат", "Муниципалитет",
                "Согласие дано (местное время)", "Уведомления", "Годы рождения детей", "Интересы", "Доступен");
        List<String> row = parentRows.stream().filter(r -> r.get(1).equals(mine.chatId())).findFirst().orElseThrow();
        assertThat(row.get(0)).isEqualTo("Telegram");
        assertThat(row.get(2)).isEqualTo("Заречный муниципальный округ");
        assertThat(row.get(3)).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d \\(UTC\\+\\d+\\)");
        assertThat(row.get(4)).isEqualTo("да");
        assertThat(row.get(6)).isEqualTo("Физкультурно-спортивная");
        assertThat(parentRows).as("staff of one municipality never get another's parents")
                .noneMatch(r -> r.get(1).equals(other.chatId()))
                .allMatch(r -> r == parentRows.get(0) || r.get(2).equals("Заречный муниципальный округ"));

        byte[] questionsFile = TELEGRAM.sentFile(docs.stream()
                .filter(c -> c.text().equals("Вопросы родителей специалистам")).findFirst().orElseThrow(), "document");
        List<List<String>> questions = rows(questionsFile, "Вопросы");
        assertThat(questions.get(0)).startsWith("№", "Задан (местное время)", "Муниципалитет", "Мессенджер", "Вопрос",
                "Статус");
        List<String> q = questions.stream().filter(r -> r.get(4).contains("робототехники")).findFirst().orElseThrow();
        assertThat(q.get(1)).isEqualTo("02.11.2026 10:00 (UTC+3)");
        assertThat(q.get(2)).isEqualTo("Заречный муниципальный округ");
        assertThat(q.get(5)).isEqualTo("отвечен");
        assertThat(q.get(7)).isEqualTo("25");
        assertThat(questions).allMatch(r -> r == questions.get(0) || r.get(2).equals("Заречный муниципальный округ"));

        byte[] survey = TELEGRAM.sentFile(docs.stream().filter(c -> c.text().startsWith("Итоги опроса «"))
                .findFirst().orElseThrow(), "document");
        assertThat(rows(survey, "Ответы").get(0)).startsWith("№", "Завершён (местное время)", "Муниципалитет");
        // other tests count municipalities' parents and audiences
        parents.delete(mine);
        parents.delete(other);
    }

    @Test
    void oneExportByNameAndNoneInAGroup() {
        long staff = newStaff("tsentr");
        int before = TELEGRAM.messagesTo(staff).size();
        TELEGRAM.sendText(staff, "/export parents");
        Call reply = TELEGRAM.awaitMessages(staff, before + 1).get(before);
        TELEGRAM.awaitPollerIdle();
        assertThat(reply.method()).isEqualTo("sendDocument");
        assertThat(TELEGRAM.messagesTo(staff)).hasSize(before + 1);

        TELEGRAM.sendText(staff, "/export zarechny");
        assertThat(TELEGRAM.awaitMessages(staff, before + 2).get(before + 1).text())
                .isEqualTo(ExportCommand.NOT_YOURS);

        long group = -newChatId();
        int inGroup = TELEGRAM.messagesTo(group).size();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", staff, "/bind tsentr", null));
        TELEGRAM.awaitMessages(group, inGroup + 1);
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", staff, "/export", null));
        Call groupReply = TELEGRAM.awaitMessages(group, inGroup + 2).get(inGroup + 1);
        assertThat(groupReply.method()).isEqualTo("sendMessage");
        assertThat(groupReply.text()).isEqualTo(ExportCommand.PRIVATE_ONLY);
    }

    @Test
    void aParentTypingExportGetsTheUnknownCommandReply() {
        long parent = newChatId();
        TELEGRAM.sendText(parent, "/nosuchcommand");
        Call unknown = TELEGRAM.awaitMessages(parent, 1).get(0);
        TELEGRAM.sendText(parent, "/export parents");
        Call reply = TELEGRAM.awaitMessages(parent, 2).get(1);
        assertThat(reply.method()).isEqualTo(unknown.method());
        assertThat(reply.text()).isEqualTo(unknown.text());
    }
}
