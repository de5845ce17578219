package ru.kruzhok.parent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;

/** Onboarding, settings and deletion end to end through the real TelegramBots client. */
class OnboardingTelegramTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private int count(String sql, long chatId) {
        return jdbc.queryForObject(sql, Integer.class, String.valueOf(chatId));
    }

    @Test
    void parentGivesConsentChoosesDistrictAddsTwoChildrenAndInterests() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        assertThat(parent.send("/start").text()).contains("согласие");
        assertThat(parent.press("Согласен").text()).contains("В каком районе");
        assertThat(parent.last().buttonLabels()).contains("Центральный район", "Заречный муниципальный округ");
        assertThat(parent.press("Заречный муниципальный округ").text()).contains("Сколько лет");
        assertThat(parent.send("Маша 7").text()).contains("Есть ещё дети");
        parent.press("Добавить ещё");
        assertThat(parent.send("сто лет").text()).contains("Не получилось понять");
        assertThat(parent.send("2012").text()).contains("Есть ещё дети");
        parent.press("Дальше");
        Call interests = parent.press("Спорт");
        assertThat(interests.buttonLabels()).contains("✅ Спорт");
        parent.press("Техника");
        parent.press("Готово");
        parent.press("Да, присылать");
        assertThat(parent.last().text()).contains("Готово, спасибо");

        long chat = parent.chatId();
        assertThat(jdbc.queryForObject("select municipality from parent where chat_id = ?", String.class,
                String.valueOf(chat))).isEqualTo("zarechny");
        assertThat(count("select count(*) from child c join parent p on p.id = c.parent_id where p.chat_id = ?", chat))
                .isEqualTo(2);
        assertThat(count("select count(*) from parent_interest i join parent p on p.id = i.parent_id where p.chat_id = ?",
                chat)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select notifications from parent where chat_id = ?", Boolean.class,
                String.valueOf(chat))).isTrue();

        parent.press("Главное меню");
        parent.press("Настройки");
        assertThat(parent.last().text()).contains("Заречный", "Маша, 7 лет", "Спорт", "включены");

        // a second /start goes to the main menu, not to the consent screen again
        assertThat(parent.send("/start").buttonLabels()).anyMatch(l -> l.contains("Найти кружок"));
    }

    @Test
    void parentWhoRefusesConsentCanUseTheBotAndNothingIsStored() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start");
        assertThat(parent.press("Не сейчас").text()).contains("ничего о вас не сохраняю");
        parent.press("Главное меню");
        assertThat(parent.last().buttonLabels()).anyMatch(l -> l.contains("Сертификат"));
        assertThat(count("select count(*) from parent where chat_id = ?", parent.chatId())).isZero();
        parent.press("Настройки");
        assertThat(parent.last().text()).contains("нет согласия");
    }

    @Test
    void deepLinkPresetsTheMunicipality() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start m_tsentr");
        assertThat(parent.press("Согласен").text()).contains("Сколько лет");
        assertThat(jdbc.queryForObject("select municipality from parent where chat_id = ?", String.class,
                String.valueOf(parent.chatId()))).isEqualTo("tsentr");
    }

    @Test
    void deletingDataRemovesTheRowsAndSaysWhatWasDeleted() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start");
        parent.press("Согласен");
        parent.press("Центральный район");
        parent.send("Артём 9");
        parent.press("Дальше");
        parent.press("Туризм");
        parent.press("Готово");
        parent.press("Нет, спасибо");
        parent.press("Главное меню");
        parent.press("Настройки");
        parent.press("Удалить мои данные");
        parent.press("Да, удалить всё");

        String said = parent.messages().stream().map(Call::text).filter(t -> t != null && t.contains("удалены"))
                .findFirst().orElseThrow();
        assertThat(said).contains("профиль", "сведения о детях: 1", "интересы: 1", "история нашего диалога");
        long chat = parent.chatId();
        assertThat(count("select count(*) from parent where chat_id = ?", chat)).isZero();
        assertThat(jdbc.queryForObject(
                "select count(*) from child c where not exists (select 1 from parent p where p.id = c.parent_id)",
                Integer.class)).isZero();
        String state = jdbc.queryForObject("select state from conversation where chat_id = ?", String.class,
                String.valueOf(chat));
        assertThat(state).doesNotContain("tsentr").doesNotContain("onboarded");
        // after deletion /start offers consent again
        assertThat(parent.send("/start").text()).contains("согласие");
    }

    @Test
    void aPressOnAnOlderMenuIsStaleAndShowsTheCurrentStep() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start");
        parent.press("Не сейчас");
        Call oldMenu = parent.press("Главное меню");
        String oldCertificate = oldMenu.callbackData("📄 Сертификат");
        parent.press("Настройки"); // moves on: the old window is gone
        Call reply = parent.pressData(TelegramParent.messageId(oldMenu), oldCertificate);
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("устарело"));
        assertThat(reply.text()).contains("Ваши настройки");
    }

    @Test
    void forgedButtonDataIsTreatedAsStale() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        parent.pressData(1, "w999.0");
        parent.pressData(1, "parent.delete");
        assertThat(parent.messages().stream().map(Call::text).filter(t -> t != null && t.contains("устарело")))
                .hasSize(2);
    }

    @Test
    void backReturnsToThePreviousStep() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/menu");
        parent.press("Настройки");
        parent.press("Район");
        assertThat(parent.press("Назад").text()).contains("Ваши настройки");
    }
}
