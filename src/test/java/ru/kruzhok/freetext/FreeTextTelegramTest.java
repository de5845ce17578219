package ru.kruzhok.freetext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/** What a parent types in Telegram, read by the free-text router, end to end through the real TelegramBots client. */
class FreeTextTelegramTest extends IntegrationTest {

    @Test
    void aSearchPhraseOpensTheResultsWithItsFiltersInsteadOfTheDirectionMenu() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        Call results = parent.send("волейбол 10 лет");
        assertThat(results.text()).contains("Нашлось", "спорт", "10 лет", "«волейбол»").doesNotContain("Что ищем");
    }

    @Test
    void anActivityProgramsNameOtherwiseFindsThemByTheirTitle() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        Call results = parent.send("глина для ребенка");
        // no program says «глина»: dialogs/search/vocabulary.yaml sends it to «Керамика и лепка»
        assertThat(results.text()).contains("Нашлось", "«глина»", "Керамика и лепка");
    }

    @Test
    void nearbyWithoutADistrictSaysHowToSetItAndSearchesAllDistricts() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("кружок рисования рядом с домом");
        List<String> texts = parent.messages().stream().map(Call::text).toList();
        assertThat(texts).anyMatch(t -> t != null && t.contains("Чтобы искать рядом"));
        assertThat(parent.last().text()).contains("Нашлось", "творчество").doesNotContain("рядом");
    }

    @Test
    void aCertificateQuestionWithAnActivityAndPaymentIsAnsweredNotSearched() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        Call answer = parent.send("как записаться на робототехнику по сертификату");
        assertThat(answer.text()).doesNotContain("Нашлось");
        assertThat(answer.text().contains("Навигатор") || answer.buttonLabels().contains("Записаться по сертификату"))
                .as("the enrolment answer, or it one tap away: %s %s", answer.text(), answer.buttonLabels()).isTrue();
    }

    @Test
    void anotherPublicServiceGetsNotOursAndTheOfferOfAPerson() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        Call reply = parent.send("как получить материнский капитал");
        assertThat(reply.text()).contains("не в МОЦ").doesNotContain("Номинал", "Навигатор дополнительного образования:");
        assertThat(reply.buttonLabels()).anyMatch(l -> l.contains("спросить специалиста"));
        Call sent = parent.press("спросить специалиста");
        assertThat(sent.text()).contains("Передал");
    }

    @Test
    void aPhotosCaptionIsReadAsWhatTheParentSaid() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        int before = TELEGRAM.messagesTo(parent.chatId()).size();
        TELEGRAM.sendPhoto(parent.chatId(), new byte[] {1, 2, 3}, "как получить сертификат на ребенка", null);
        TELEGRAM.awaitMessages(parent.chatId(), before + 1);
        assertThat(parent.last().text()).contains("Навигатор").doesNotContain("Я понимаю текст и кнопки");
    }
}
