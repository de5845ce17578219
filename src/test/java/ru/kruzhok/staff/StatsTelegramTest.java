package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/**
 * /stats as staff read it: questions are questions (answered by the bot, or handed to a person) and
 * a typed search phrase is not one; staff trying the bot are not parents; a bound staff group gets
 * its municipality's figures.
 */
class StatsTelegramTest extends IntegrationTest {

    @Autowired
    ParentProfiles parents;
    @Autowired
    JdbcTemplate jdbc;

    private static Call say(long user, String text) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.sendText(user, text);
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }

    private static long newStaff(String municipality) {
        long user = newChatId();
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff add " + user + " " + municipality).text()).contains("✅");
        return user;
    }

    /** The figures of the section titled {@code title}: "label: N" pairs. */
    private static Map<String, Long> figures(String stats, String title) {
        String section = stats.substring(stats.indexOf(title));
        int next = section.indexOf("📊", 1);
        section = next < 0 ? section : section.substring(0, next);
        Map<String, Long> out = new HashMap<>();
        Matcher m = Pattern.compile("([А-Яа-яё][А-Яа-яё() ]*): (\\d+)").matcher(section);
        while (m.find()) {
            out.put(m.group(1).strip(), Long.parseLong(m.group(2)));
        }
        return out;
    }

    @Test
    void questionsAreFaqAnswersAndHandOversNotSearchPhrases() {
        long staff = newStaff("zarechny");
        Map<String, Long> before = figures(say(staff, "/stats").text(), "Заречный");

        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start m_zarechny");
        parent.press("Согласен");
        parent.send("/menu");
        assertThat(parent.send("как получить сертификат на ребенка?").buttonLabels()).contains("👍 Помогло");
        parent.send("шахматы 9 лет");
        jdbc.update("""
                insert into staff_question(channel, chat_id, municipality, question, status, created_at)
                values ('telegram', ?, 'zarechny', 'Вопрос для специалиста', 'sent', ?)""",
                String.valueOf(parent.chatId()), Timestamp.from(Instant.now()));

        Map<String, Long> after = figures(say(staff, "/stats").text(), "Заречный");
        assertThat(after.get("ответил бот") - before.get("ответил бот")).isEqualTo(1);
        assertThat(after.get("передано специалистам") - before.get("передано специалистам")).isEqualTo(1);
        assertThat(after.get("Вопросов") - before.get("Вопросов")).as("the search phrase is no question").isEqualTo(2);
    }

    @Test
    void staffSeeHowFastTheirQuestionsWereAnswered() {
        // a municipality of its own, so earlier tests' questions do not blur the figures
        long staff = newStaff("tsentr");
        Instant asked = Instant.now().minus(Duration.ofHours(3));
        jdbc.update("update staff_question set status = 'closed', closed_at = now() where municipality = 'tsentr' and status in ('new', 'sent')");
        jdbc.update("delete from staff_question where municipality = 'tsentr' and created_at > now() - interval '31 days'");
        jdbc.update("""
                insert into staff_question(channel, chat_id, municipality, question, status, created_at, answered_at)
                values ('telegram', ?, 'tsentr', 'Вопрос 1', 'answered', ?, ?)""",
                String.valueOf(newChatId()), Timestamp.from(asked), Timestamp.from(asked.plus(Duration.ofMinutes(45))));
        jdbc.update("""
                insert into staff_question(channel, chat_id, municipality, question, status, created_at)
                values ('telegram', ?, 'tsentr', 'Вопрос 2', 'sent', ?)""",
                String.valueOf(newChatId()), Timestamp.from(asked));

        assertThat(say(staff, "/stats").text())
                .contains("Ответы специалистов за 30 дней: Ответили на 1 из 2, медиана 45 мин")
                .contains("ждут ответа: 1, дольше всех 3 ч");
    }

    @Test
    void staffTryingTheBotAreNotCountedAsParents() {
        long staff = newStaff("zarechny");
        Map<String, Long> all = figures(say(ADMIN_TELEGRAM_ID, "/stats").text(), "все муниципалитеты");
        Map<String, Long> mine = figures(say(staff, "/stats").text(), "Заречный");

        // the staff member chats with the bot and even gives consent in their own municipality
        ChatAddress own = new ChatAddress("telegram", String.valueOf(staff));
        parents.consent(own);
        parents.setMunicipality(own, "zarechny");
        long parent = newChatId();
        say(parent, "/start");
        try {
            Map<String, Long> allAfter = figures(say(ADMIN_TELEGRAM_ID, "/stats").text(), "все муниципалитеты");
            Map<String, Long> mineAfter = figures(say(staff, "/stats").text(), "Заречный");
            assertThat(allAfter.get("Родителей") - all.get("Родителей")).as("only the parent").isEqualTo(1);
            assertThat(mineAfter.get("Родителей")).isEqualTo(mine.get("Родителей"));
            assertThat(mineAfter.get("С согласием на обработку данных"))
                    .isEqualTo(mine.get("С согласием на обработку данных"));
        } finally {
            parents.delete(own);
        }
    }

    @Test
    void aStaffGroupGetsItsMunicipalitysFigures() {
        long staff = newStaff("zarechny");
        long group = -newChatId();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", staff, "/bind zarechny", null));
        TELEGRAM.awaitMessages(group, 1);
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", staff, "/stats", null));
        Call stats = TELEGRAM.awaitMessages(group, 2).get(1);
        assertThat(stats.text()).contains("Заречный", "Родителей", "Вопросов").doesNotContain("Центральный");

        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", staff, "/stats tsentr", null));
        assertThat(TELEGRAM.awaitMessages(group, 3).get(2).text()).isEqualTo(StatsCommand.NOT_YOURS);
    }
}
