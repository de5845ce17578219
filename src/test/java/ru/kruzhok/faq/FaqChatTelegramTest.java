package ru.kruzhok.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/**
 * Certificate questions in Telegram: a typed question with typos gets its answer, an out-of-scope
 * one is offered to a person, and a staff member's reply in the staff group reaches the parent.
 */
class FaqChatTelegramTest extends IntegrationTest {

    @Test
    void aTypedQuestionWithTyposIsAnsweredWithFeedbackButtons() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        Call answer = parent.send("как получить сертефикат на ребенка?");
        assertThat(answer.text()).contains("Навигатор");
        assertThat(answer.buttonLabels()).contains("👍 Помогло", "👎 Не помогло");
        assertThat(parent.press("👎 Не помогло").text()).contains("Передать его специалисту");
    }

    @Test
    void topicsAreButtonsUnderTheCertificateMenu() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        Call topics = parent.press("Сертификат");
        assertThat(topics.buttonLabels()).hasSizeGreaterThan(10);
        String first = topics.buttonLabels().get(0);
        assertThat(parent.press(first).buttonLabels()).contains("👍 Помогло");
    }

    @Test
    void anOutOfScopeQuestionGoesToTheStaffGroupAndTheStaffReplyComesBack() {
        long group = -newChatId();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", ADMIN_TELEGRAM_ID, "/bind tsentr", null));
        TELEGRAM.awaitMessages(group, 1);

        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start m_tsentr");
        parent.press("Согласен");
        parent.send("/menu");
        Call offer = parent.send("какая завтра будет погода в городе?");
        assertThat(offer.text()).contains("не к нам", "передам вопрос специалисту");
        assertThat(parent.press("спросить специалиста").text()).contains("Передал");

        List<Call> posted = TELEGRAM.awaitMessages(group, 2);
        assertThat(posted.get(1).text()).contains("Вопрос №", "погода");
        Integer postId = TELEGRAM.lastMessageId(group);

        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, ADMIN_TELEGRAM_ID, postId,
                "Завтра солнечно, но это вопрос не к нам 🙂"));
        List<Call> toParent = TELEGRAM.awaitMessages(parent.chatId(), parent.messages().size() + 1);
        assertThat(toParent.get(toParent.size() - 1).text()).contains("Ответ специалиста", "Завтра солнечно");
        assertThat(TELEGRAM.awaitMessages(group, 3).get(2).text()).contains("Ответ отправлен");
    }
}
