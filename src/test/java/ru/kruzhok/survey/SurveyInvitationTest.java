package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramParent;
import ru.kruzhok.support.TestParents;

/**
 * Survey invitations through the outbox: the audience gets one invitation with a working button,
 * each invitation counts in the response rate, and inviting again reaches only newcomers.
 */
class SurveyInvitationTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired SurveyInvitations invitations;
    @Autowired SurveyResponses responses;
    @Autowired SurveyResults results;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestParents parents;
    private Instant started;

    @BeforeEach
    void setUp() {
        parents = new TestParents(jdbc);
        started = Instant.now().minusSeconds(1);
    }

    @AfterEach
    void tearDown() {
        parents.deleteAll();
        // invitations of this test (it invites every parent in reach, also other tests' ones):
        // other tests count invitations of the shipped survey from zero
        jdbc.update("delete from survey_invitation where invited_at >= ?", Timestamp.from(started));
    }

    @Test
    void theAudienceIsInvitedOnceAndTheButtonOpensTheSurvey() throws Exception {
        ChatAddress first = parents.add(newChatId(), "tsentr", 8, true);
        ChatAddress second = parents.add(newChatId(), "zarechny", 12, true);
        ChatAddress quiet = parents.add(newChatId(), "tsentr", 8, false);
        ChatAddress answered = parents.add(newChatId(), "tsentr", 8, true);
        jdbc.update("insert into survey_participant (survey_id, chat_hash, child_hash, completed) values ('satisfaction', ?, '', true)",
                responses.chatHash(answered));

        HttpResponse<String> invited = invite();
        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("\"invited\"");

        Call invitation = awaitOne(first);
        awaitOne(second);
        assertThat(invitation.text()).contains("Удовлетворённость", "опрос");
        assertThat(invitation.buttonLabels()).containsExactly("📝 Пройти опрос");
        assertThat(invitedChats()).contains(first.chatId(), second.chatId())
                .doesNotContain(quiet.chatId(), answered.chatId());
        // the response rate's denominator is the invitations recorded
        assertThat(results.results("satisfaction", new SurveyResults.Filter(null, null, null)).invited())
                .isEqualTo(invitations.invited("satisfaction")).isGreaterThanOrEqualTo(2);

        // a second run invites nobody twice
        long before = invitations.invited("satisfaction");
        assertThat(invite().body()).contains("\"invited\":0");
        assertThat(invitations.invited("satisfaction")).isEqualTo(before);

        TelegramParent parent = new TelegramParent(TELEGRAM, Long.parseLong(first.chatId()));
        Call opened = parent.pressData(TelegramParent.messageId(invitation), invitation.callbackData("📝 Пройти опрос"));
        assertThat(opened.text()).contains("Вопрос 1 из 12", "сертификате");

        Thread.sleep(500);
        assertThat(TELEGRAM.messagesTo(Long.parseLong(quiet.chatId()))).isEmpty();
        assertThat(TELEGRAM.messagesTo(Long.parseLong(answered.chatId()))).isEmpty();
        assertThat(invitationsTo(first)).hasSize(1);
        assertThat(invitationsTo(second)).hasSize(1);
    }

    @Test
    void aNewcomerFromAnInvitationLinkGetsTheSurveyRightAfterTheConsentScreen() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        assertThat(parent.send("/start s_satisfaction").text()).contains("согласие");
        parent.press("Не сейчас");
        assertThat(parent.press("Главное меню").text()).contains("Вопрос 1 из 12");
        assertThat(parent.send("/menu").text()).as("the link is followed once").contains("Выберите раздел");
    }

    @Test
    void theDeepLinkAndTheTypedCommandOpenTheSurveyWhereTheParentStopped() {
        TelegramParent parent = new TelegramParent(TELEGRAM, newChatId());
        parent.send("/start");
        parent.press("Не сейчас");
        assertThat(parent.send("/start s_satisfaction").text()).contains("Вопрос 1 из 12");
        parent.press("Да, пользуемся");
        parent.send("/menu");
        Call resumed = parent.send("/survey satisfaction");
        assertThat(resumed.text()).contains("Вопрос 2 из 12");
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("Продолжаем"));
        assertThat(parent.send("/survey no-such-survey").text()).contains("Выберите опрос");
        assertThat(parent.messages().stream().map(Call::text)).anyMatch(t -> t != null && t.contains("недоступен"));
    }

    @Test
    void staffInviteOnlyTheirOwnMunicipality() {
        ChatAddress own = parents.add(newChatId(), "tsentr", 9, true);
        ChatAddress other = parents.add(newChatId(), "zarechny", 9, true);
        long staff = newChatId();
        assertThat(say(ADMIN_TELEGRAM_ID, "/staff add " + staff + " tsentr").text()).contains("✅");
        try {
            assertThat(say(staff, "/invite satisfaction").text()).contains("поставлены в очередь");
            awaitOne(own);
            assertThat(invitedChats()).contains(own.chatId()).doesNotContain(other.chatId());
            assertThat(say(staff, "/invite satisfaction").text()).contains("Новых получателей", "нет");
            assertThat(say(staff, "/invite nope").text()).contains("не найден");
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'survey.invite' and actor = ?",
                    Integer.class, "telegram:" + staff)).isEqualTo(2);
        } finally {
            say(ADMIN_TELEGRAM_ID, "/staff remove " + staff);
        }
        // a parent cannot invite
        long parent = newChatId();
        assertThat(say(parent, "/invite satisfaction").text()).contains("не знаю");
    }

    private HttpResponse<String> invite() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/surveys/satisfaction/invitations"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> invitedChats() {
        return jdbc.queryForList("select chat_id from survey_invitation where survey_id = 'satisfaction'", String.class);
    }

    private static List<Call> invitationsTo(ChatAddress chat) {
        return TELEGRAM.messagesTo(Long.parseLong(chat.chatId())).stream()
                .filter(c -> c.text() != null && c.text().contains("Приглашаем")).toList();
    }

    private static Call awaitOne(ChatAddress chat) {
        TELEGRAM.await(all -> !invitationsTo(chat).isEmpty(), Duration.ofSeconds(20));
        return invitationsTo(chat).get(0);
    }

    private static Call say(long user, String text) {
        int before = TELEGRAM.messagesTo(user).size();
        TELEGRAM.sendText(user, text);
        return TELEGRAM.awaitMessages(user, before + 1).get(before);
    }
}
