package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/** Telegram keeps handing out a batch until it is acknowledged; one update the client cannot read must not stall the bot. */
class PoisonUpdateTest extends IntegrationTest {

    @Test
    void anUpdateTheClientCannotReadIsSkippedAndTheOthersInItsBatchAreAnswered() {
        long before = newChatId();
        long after = newChatId();
        TELEGRAM.enqueueAll(List.of(
                TELEGRAM.messageUpdate(before, "private", before, "/menu", null),
                Map.of("message", Map.of("message_id", "not-a-number", "date", "yesterday", "chat", "nobody")),
                TELEGRAM.messageUpdate(after, "private", after, "/menu", null)));

        assertThat(TELEGRAM.awaitMessages(before, 1).get(0).text()).contains("Выберите раздел");
        assertThat(TELEGRAM.awaitMessages(after, 1).get(0).text()).contains("Выберите раздел");
        TelegramParent later = new TelegramParent(TELEGRAM, newChatId());
        assertThat(later.send("/menu").text()).contains("Выберите раздел");
        assertThat(TELEGRAM.messagesTo(before)).as("nothing answered twice").hasSize(1);
    }
}
