package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

class TelegramSmokeTest extends IntegrationTest {

    @Test
    void firstStartGreetsAndAsksForConsentThenMenuShowsTheMainMenu() {
        long chat = newChatId();
        TELEGRAM.sendText(chat, "/start");
        List<Call> messages = TELEGRAM.awaitMessages(chat, 1);
        assertThat(messages.get(0).text()).contains("Здравствуйте");
        assertThat(messages.get(0).buttonLabels()).anyMatch(l -> l.contains("Согласен"));

        TELEGRAM.sendText(chat, "/menu");
        messages = TELEGRAM.awaitMessages(chat, 2);
        assertThat(messages.get(1).buttonLabels()).anyMatch(l -> l.contains("Сертификат"))
                .anyMatch(l -> l.contains("Найти кружок")).anyMatch(l -> l.contains("Опросы"))
                .anyMatch(l -> l.contains("Задать вопрос")).anyMatch(l -> l.contains("Настройки"));
    }
}
