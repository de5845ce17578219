package ru.kruzhok.broadcast;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TestParents;
import ru.kruzhok.support.TelegramParent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal notices through the outbox: sent once to the chats a feature chose, with a working button. */
class NoticesTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Notices notices;
    @Autowired Broadcasts broadcasts;

    TestParents parents;

    @BeforeEach
    void setUp() {
        parents = new TestParents(jdbc);
        TELEGRAM.reset();
    }

    @AfterEach
    void tearDown() {
        parents.deleteAll();
        TELEGRAM.reset();
    }

    @Test
    void aNoticeReachesEachChosenChatOnceAndSkipsThoseWithNotificationsOff() {
        ChatAddress first = parents.add(newChatId(), "tsentr", 0, true);
        ChatAddress second = parents.add(newChatId(), "tsentr", 0, true);
        ChatAddress quiet = parents.add(newChatId(), "tsentr", 0, false);
        ChatAddress notChosen = parents.add(newChatId(), "tsentr", 0, true);

        long id = notices.send(new Notices.Notice("test", "Новые кружки для вас", 
                List.of(List.of(Button.action("📋 Меню", "/menu"))), "test"),
                List.of(first, second, first, quiet));

        Broadcasts.Report report = awaitDone(id);
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(TELEGRAM.calls("sendMessage")).extracting(Call::chatId)
                .containsExactlyInAnyOrder(first.chatId(), second.chatId());
        assertThat(TELEGRAM.messagesTo(Long.parseLong(notChosen.chatId()))).isEmpty();
    }

    @Test
    void itsCommandButtonWorksInTheChatLongAfterTheMenusMoveOn() {
        long chatId = newChatId();
        ChatAddress chat = parents.add(chatId, "tsentr", 0, true);
        TelegramParent parent = new TelegramParent(TELEGRAM, chatId);

        awaitDone(notices.send(new Notices.Notice("test", "Приглашаем на опрос",
                List.of(List.of(Button.action("📋 Меню", "/menu"))), "test"), List.of(chat)));
        Call notice = parent.last();
        parent.send("/help");

        Call afterPress = parent.pressData(TelegramParent.messageId(notice), notice.callbackData("📋 Меню"));
        assertThat(afterPress.text()).doesNotContain("устарело").contains("Выберите раздел");
    }

    @Test
    void aNoticeButtonMustCarryACommand() {
        assertThatThrownBy(() -> new Notices.Notice("test", "Текст",
                List.of(List.of(Button.action("Кнопка", "w1.1"))), "test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Broadcasts.Report awaitDone(long id) {
        return BroadcastReports.awaitStatus(broadcasts, id, "done", Duration.ofSeconds(20));
    }
}
