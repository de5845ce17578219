package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/** The default satisfaction survey answered in Telegram through the real TelegramBots client. */
class SurveyTelegramTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private TelegramParent parentAtSurveyList() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start");
        parent.press("Не сейчас");
        parent.press("Главное меню");
        assertThat(parent.press("Опросы").text()).contains("Выберите опрос");
        return parent;
    }

    private int completedResponses() {
        return jdbc.queryForObject("select count(*) from survey_response where survey_id = 'satisfaction' and completed_at is not null",
                Integer.class);
    }

    @Test
    void parentAnswersTheWholeSurveyWithASkipAndABackAndIsThankedOnce() {
        TelegramParent parent = parentAtSurveyList();
        int before = completedResponses();
        Call first = parent.press("Удовлетворённость");
        assertThat(first.text()).contains("Вопрос 1 из 12", "сертификате");
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("анонимный"));
        parent.press("Да, пользуемся");
        assertThat(parent.last().text()).contains("Вопрос 2 из 12", "Навигаторе");
        // «Назад» changes the previous answer
        assertThat(parent.press("Назад").text()).contains("Вопрос 1 из 12");
        assertThat(parent.last().buttonLabels()).contains("✅ Да, пользуемся");
        parent.press("Знаю, но не пользуемся");
        // «Нет» skips the enrolment question
        assertThat(parent.press("Нет").text()).contains("Вопрос 4 из 12", "направлений");
        parent.press("Техническое");
        parent.press("Художественное");
        assertThat(parent.last().buttonLabels()).contains("✅ Техническое", "✅ Художественное", "Готово");
        parent.press("Готово");
        assertThat(parent.press("Да").text()).contains("расписание");
        // typed text where a button is expected is not taken
        assertThat(parent.send("нормально").text()).contains("кнопкой");
        parent.press("4");
        parent.press("5");
        parent.press("3");
        parent.press("Частично");
        parent.press("4");
        assertThat(parent.last().text()).contains("порекомендуете");
        parent.press("9");
        assertThat(parent.last().buttonLabels()).contains("Пропустить");
        assertThat(parent.send("Не хватает робототехники в Заречном").text()).contains("Спасибо", "сохранены");
        assertThat(completedResponses()).isEqualTo(before + 1);

        // one response per parent: the survey is marked answered and cannot be started again
        parent.press("Другие опросы");
        assertThat(parent.last().buttonLabels()).anyMatch(l -> l.startsWith("✅") && l.contains("Удовлетворённость"));
        parent.press("Удовлетворённость");
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("уже ответили"));
        assertThat(completedResponses()).isEqualTo(before + 1);

        // anonymous: nothing in the answers leads back to the chat
        assertThat(jdbc.queryForObject("select count(*) from survey_response where chat_id = ?", Integer.class,
                String.valueOf(parent.chatId()))).isZero();
        List<String> missing = jdbc.queryForList("select a.value from survey_answer a where a.question_id = 'missing'",
                String.class);
        assertThat(missing).contains("Не хватает робототехники в Заречном");
    }

    @Test
    void parentStopsAndResumesAtTheSameQuestionFromWhatIsStored() {
        TelegramParent parent = parentAtSurveyList();
        parent.press("Удовлетворённость");
        parent.press("Нет, не знаю");
        parent.press("Да");
        assertThat(parent.last().text()).contains("Вопрос 3 из 12");
        parent.press("Продолжу позже");

        // progress is in the database, not only in the conversation
        Long response = jdbc.queryForObject("""
                select r.id from survey_response r where r.survey_id = 'satisfaction' and r.completed_at is null
                and r.current_question = 'enrolment' and r.path = 'certificate,navigator' order by r.id desc limit 1""", Long.class);
        assertThat(jdbc.queryForList("select question_id from survey_answer where response_id = ?", String.class, response))
                .containsExactlyInAnyOrder("certificate", "navigator");
        // the conversation forgets the survey (as after /start or a lost cache); the list resumes from the database
        parent.send("/menu");
        parent.press("Опросы");
        assertThat(parent.last().buttonLabels()).anyMatch(l -> l.startsWith("▶️"));
        assertThat(parent.press("Удовлетворённость").text()).contains("Вопрос 3 из 12");
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("Продолжаем"));
    }
}
