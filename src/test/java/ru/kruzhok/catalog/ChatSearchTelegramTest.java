package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/** Guided search with paging and program cards, end to end through the real TelegramBots client. */
class ChatSearchTelegramTest extends IntegrationTest {

    @Test
    void guidedSearchPagesThroughResultsAndOpensAProgramWithANavigatorLink() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        assertThat(parent.press("Найти кружок").text()).contains("Что ищем");
        assertThat(parent.press("Творчество").text()).contains("Для какого возраста");
        assertThat(parent.send("9").text()).contains("Где удобно");
        parent.press("Центральный район");
        Call results = parent.press("Любая оплата");
        assertThat(results.text()).contains("Нашлось", "9 лет", "Страница 1 из");
        assertThat(results.buttonLabels()).contains("ℹ️ 1", "Ещё ›");
        int firstMessage = TelegramParent.messageId(results);

        Call second = parent.press("Ещё ›");
        assertThat(second.method()).isEqualTo("editMessageText");
        assertThat(TelegramParent.messageId(second)).isEqualTo(firstMessage);
        assertThat(second.text()).contains("Страница 2 из");
        assertThat(second.buttonLabels()).contains("ℹ️ 6", "‹ Назад");

        Call card = parent.press("ℹ️ 6");
        assertThat(card.text()).contains("лет");
        assertThat(card.buttons()).anyMatch(b -> String.valueOf(b.get("text")).contains("Записаться")
                && String.valueOf(b.get("url")).startsWith("http"));
        assertThat(parent.press("К результатам").text()).contains("Страница 2 из");
    }

    @Test
    void typedPhraseOpensResultsWithItsFilters() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        Call results = parent.send("танцы для 7 лет бесплатно");
        assertThat(results.text()).contains("7 лет", "бесплатно");
    }

    @Test
    void nothingFoundOffersToRelaxAFilter() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        Call results = parent.send("ксилофонзябра для 7 лет");
        assertThat(results.text()).contains("Ничего не нашлось", "слова поиска");
        Call relaxed = parent.press("Убрать «слова поиска»");
        assertThat(relaxed.text()).contains("Нашлось", "7 лет").doesNotContain("ксилофонзябра");
    }
}
