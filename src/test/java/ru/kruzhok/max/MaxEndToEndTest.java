package ru.kruzhok.max;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.support.FakePlatformServer.Call;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.MessengerParent;

/**
 * Parents in MAX, end to end through the MAX adapter and the fake MAX Bot API: the same flows as in
 * Telegram (the same core), MAX's own rendering, button answers, limits and webhook security, and
 * a hand-over answered by staff in their Telegram group coming back to the parent in MAX.
 */
class MaxEndToEndTest extends IntegrationTest {

    @Autowired
    KnownChats knownChats;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startAsksForConsentAndThenTheMenuOpensInMax() {
        long user = newChatId();
        MessengerParent parent = MessengerParent.max(MAX, user);

        Call consent = parent.after(() -> MAX.botStarted(user, null));
        assertThat(consent.text()).contains("согласие");
        assertThat(consent.params().get("format")).isEqualTo("html");
        assertThat(consent.buttonLabels()).contains("✅ Согласен(на)");

        Call next = parent.press("Согласен");
        assertThat(next.text()).isNotBlank().isNotEqualTo(consent.text());
        Call menu = parent.send("/menu");
        assertThat(menu.text()).contains("Выберите раздел");
        assertThat(menu.buttonLabels()).anyMatch(label -> label.contains("Сертификат"));
        assertThat(TELEGRAM.messagesTo(user)).as("nothing goes through Telegram").isEmpty();
    }

    @Test
    void aButtonPressIsAnsweredThroughAnswersAndLeadsOn() {
        long user = newChatId();
        MessengerParent parent = MessengerParent.max(MAX, user);
        Call menu = parent.send("/menu");
        String payload = menu.payload("Сертификат");

        String callbackId = MAX.pressButton(user, String.valueOf(menu.params().get("mid")), payload);

        MAX.await(calls -> calls.stream().anyMatch(c -> c.method().equals("answer")
                && callbackId.equals(c.params().get("callback_id"))), Duration.ofSeconds(10));
        MAX.awaitPollerIdle();
        assertThat(parent.last().buttonLabels()).as("the certificate topics").hasSizeGreaterThan(5);
    }

    @Test
    void anInvitationLinkOpensTheSurveyAfterTheConsentScreen() {
        long user = newChatId();
        MessengerParent parent = MessengerParent.max(MAX, user);
        assertThat(parent.after(() -> MAX.botStarted(user, "s_satisfaction")).text()).contains("согласие");
        parent.press("Не сейчас");
        assertThat(parent.press("Главное меню").text()).contains("Вопрос 1 из 12");
    }

    @Test
    void aTypedCertificateQuestionIsAnswered() {
        MessengerParent parent = MessengerParent.max(MAX, newChatId());
        parent.send("/menu");
        Call answer = parent.send("как получить сертефикат на ребенка?");
        assertThat(answer.text()).contains("Навигатор");
        assertThat(answer.buttonLabels()).contains("👍 Помогло", "👎 Не помогло");
    }

    @Test
    void aQuestionHandedOverShowsMaxInTheStaffGroupAndTheStaffAnswerComesBackInMax() {
        long group = -newChatId();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", ADMIN_TELEGRAM_ID, "/bind tsentr", null));
        TELEGRAM.awaitMessages(group, 1);
        long user = newChatId();
        MessengerParent parent = MessengerParent.max(MAX, user);
        parent.after(() -> MAX.botStarted(user, "m_tsentr"));
        parent.press("Согласен");
        parent.send("/menu");
        // the weather is no question for the МОЦ: the bot says so and still offers a person
        assertThat(parent.send("какая завтра будет погода в городе?").text()).contains("не к нам", "передам вопрос специалисту");
        assertThat(parent.press("Всё равно спросить специалиста").text()).contains("Передал");

        List<FakeTelegramServer.Call> posted = TELEGRAM.awaitMessages(group, 2);
        assertThat(posted.get(1).text()).contains("Вопрос №", "MAX", "погода");
        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, ADMIN_TELEGRAM_ID, TELEGRAM.lastMessageId(group),
                "Завтра солнечно, но это вопрос не к нам 🙂"));

        MAX.await(calls -> parent.messages().stream().anyMatch(c -> String.valueOf(c.text()).contains("Ответ специалиста")),
                Duration.ofSeconds(15));
        assertThat(parent.last().text()).contains("Ответ специалиста", "Завтра солнечно");
        assertThat(TELEGRAM.awaitMessages(group, 3).get(2).text()).contains("Ответ отправлен");
        assertThat(TELEGRAM.messagesTo(user)).isEmpty();
    }

    @Test
    void anUpdateDeliveredTwiceIsHandledOnce() {
        long user = newChatId();
        Map<String, Object> update = MAX.messageUpdate(user, "mid.twice." + user, "/help");
        MAX.enqueue(update);
        MAX.awaitDelivered(user, 1);
        MAX.awaitPollerIdle();
        int replies = MAX.deliveredTo(user).size();

        MAX.enqueue(update);
        MAX.awaitPollerIdle();

        assertThat(MAX.deliveredTo(user)).hasSize(replies);
    }

    @Test
    void aRateLimitIsWaitedOutAndTheMessageDeliveredOnce() {
        long user = newChatId();
        MAX.rateLimitNext(user);

        MAX.sendText(user, "/help");

        Call delivered = MAX.awaitDelivered(user, 1).get(0);
        MAX.awaitPollerIdle();
        List<Call> refused = MAX.messagesTo(user).stream().filter(c -> c.method().equals("send#429")).toList();
        assertThat(refused).hasSize(1);
        assertThat(delivered.text()).isEqualTo(refused.get(0).text());
        assertThat(Duration.ofNanos(delivered.atNanos() - refused.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(MAX.deliveredTo(user)).filteredOn(c -> delivered.text().equals(c.text())).hasSize(1);
    }

    @Test
    void aParentWhoBlockedTheBotIsMarkedUnreachable() {
        long user = newChatId();
        ChatAddress address = new ChatAddress("max", String.valueOf(user));
        MessengerParent.max(MAX, user).send("/menu");
        assertThat(knownChats.isReachable(address)).isTrue();

        MAX.block(user);
        MAX.sendText(user, "/help");
        MAX.awaitPollerIdle();

        assertThat(MAX.messagesTo(user)).anyMatch(c -> c.method().equals("send#403"));
        assertThat(knownChats.isReachable(address)).isFalse();
    }

    @Test
    void theWebhookRefusesAWrongSecretAndHandlesTheRightOne() throws Exception {
        long user = newChatId();
        String update = new ObjectMapper().writeValueAsString(MAX.messageUpdate(user, "mid.webhook." + user, "/help"));

        HttpResponse<String> forged = post(update, "not-the-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("error");
        assertThat(MAX.messagesTo(user)).isEmpty();

        HttpResponse<String> genuine = post(update, MAX_WEBHOOK_SECRET);
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(MAX.deliveredTo(user)).as("answered before the webhook call returned").isNotEmpty();
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/max/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Max-Bot-Api-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
