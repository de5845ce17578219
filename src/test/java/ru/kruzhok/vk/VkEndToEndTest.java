package ru.kruzhok.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.support.FakePlatformServer.Call;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.FakeVkServer;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.MessengerParent;

/**
 * Parents writing to the МОЦ's VK community, end to end through the VK adapter and the fake VK API:
 * the same flows as in Telegram, VK's keyboards and error codes, {@code random_id} on retries, the
 * Callback API secret, and a hand-over answered by staff in Telegram coming back in VK.
 */
class VkEndToEndTest extends IntegrationTest {

    @Autowired
    KnownChats knownChats;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startAsksForConsentAndThenTheMenuOpensInVk() {
        long user = newChatId();
        MessengerParent parent = MessengerParent.vk(VK, user);

        Call consent = parent.after(() -> VK.start(user, null));
        assertThat(consent.text()).contains("согласие").doesNotContain("**");
        assertThat(consent.params().get("_inline")).isEqualTo(true);
        assertThat(consent.buttonLabels()).contains("✅ Согласен(на)");

        Call next = parent.press("Согласен");
        assertThat(next.text()).isNotBlank().isNotEqualTo(consent.text());
        Call menu = parent.send("/menu");
        assertThat(menu.text()).contains("Выберите раздел");
        assertThat(TELEGRAM.messagesTo(user)).as("nothing goes through Telegram").isEmpty();
    }

    @Test
    void aButtonPressIsAnsweredAndLongMenusKeepWithinVksKeyboardLimits() {
        long user = newChatId();
        MessengerParent parent = MessengerParent.vk(VK, user);
        parent.send("/menu");
        int before = parent.messages().size();

        parent.press("Сертификат");

        assertThat(VK.calls("answer")).anyMatch(c -> String.valueOf(user).equals(c.chatId()));
        List<Call> topics = parent.messages().subList(before, parent.messages().size());
        assertThat(topics.stream().mapToInt(c -> c.buttonLabels().size()).sum())
                .as("all certificate topics, over several keyboards").isGreaterThan(10);
        assertThat(topics).allSatisfy(c -> {
            assertThat(c.buttonLabels()).hasSizeLessThanOrEqualTo(10);
            assertThat((Integer) c.params().getOrDefault("_rows", 0)).isLessThanOrEqualTo(6);
        });
    }

    @Test
    void aCommunityLinkWithRefOpensTheSurveyAfterTheConsentScreen() {
        long user = newChatId();
        MessengerParent parent = MessengerParent.vk(VK, user);
        assertThat(parent.after(() -> VK.start(user, "s_satisfaction")).text()).contains("согласие");
        parent.press("Не сейчас");
        assertThat(parent.press("Главное меню").text()).contains("Вопрос 1 из 12");
    }

    @Test
    void aTypedCertificateQuestionIsAnswered() {
        MessengerParent parent = MessengerParent.vk(VK, newChatId());
        parent.send("/menu");
        Call answer = parent.send("как получить сертефикат на ребенка?");
        assertThat(answer.text()).contains("Навигатор");
        assertThat(answer.buttonLabels()).contains("👍 Помогло", "👎 Не помогло");
    }

    @Test
    void aQuestionHandedOverShowsVkInTheStaffGroupAndTheStaffAnswerComesBackInVk() {
        long group = -newChatId();
        TELEGRAM.enqueue(TELEGRAM.messageUpdate(group, "supergroup", ADMIN_TELEGRAM_ID, "/bind tsentr", null));
        TELEGRAM.awaitMessages(group, 1);
        long user = newChatId();
        MessengerParent parent = MessengerParent.vk(VK, user);
        parent.after(() -> VK.start(user, "m_tsentr"));
        parent.press("Согласен");
        parent.send("/menu");
        // the weather is no question for the МОЦ: the bot says so and still offers a person
        assertThat(parent.send("какая завтра будет погода в городе?").text()).contains("не к нам", "передам вопрос специалисту");
        assertThat(parent.press("Всё равно спросить специалиста").text()).contains("Передал");

        List<FakeTelegramServer.Call> posted = TELEGRAM.awaitMessages(group, 2);
        assertThat(posted.get(1).text()).contains("Вопрос №", "ВКонтакте", "погода");
        TELEGRAM.enqueue(TELEGRAM.groupReplyUpdate(group, ADMIN_TELEGRAM_ID, TELEGRAM.lastMessageId(group),
                "Завтра солнечно, но это вопрос не к нам 🙂"));

        VK.await(calls -> parent.messages().stream().anyMatch(c -> String.valueOf(c.text()).contains("Ответ специалиста")),
                Duration.ofSeconds(15));
        assertThat(parent.last().text()).contains("Ответ специалиста", "Завтра солнечно");
        assertThat(TELEGRAM.awaitMessages(group, 3).get(2).text()).contains("Ответ отправлен");
        assertThat(TELEGRAM.messagesTo(user)).isEmpty();
    }

    @Test
    void anEventDeliveredTwiceIsHandledOnce() {
        long user = newChatId();
        Map<String, Object> event = VK.messageEvent(user, "/help", null);
        VK.enqueue(event);
        VK.awaitDelivered(user, 1);
        VK.awaitPollerIdle();
        int replies = VK.deliveredTo(user).size();

        VK.enqueue(event);
        VK.awaitPollerIdle();

        assertThat(VK.deliveredTo(user)).hasSize(replies);
    }

    @Test
    void tooManyRequestsIsWaitedOutWithTheSameRandomIdAndDeliveredOnce() {
        long user = newChatId();
        VK.failNext(user, 6);

        VK.sendText(user, "/help");

        Call delivered = VK.awaitDelivered(user, 1).get(0);
        VK.awaitPollerIdle();
        List<Call> refused = VK.messagesTo(user).stream().filter(c -> c.method().equals("send#6")).toList();
        assertThat(refused).hasSize(1);
        assertThat(delivered.params().get("random_id")).as("a retry never doubles a message")
                .isEqualTo(refused.get(0).params().get("random_id"));
        assertThat(Duration.ofNanos(delivered.atNanos() - refused.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(VK.deliveredTo(user)).filteredOn(c -> delivered.text().equals(c.text())).hasSize(1);
    }

    @Test
    void floodControlIsWaitedOutAndTheMessageDeliveredOnce() {
        long user = newChatId();
        VK.failNext(user, 9);

        VK.sendText(user, "/help");

        Call delivered = VK.awaitDelivered(user, 1).get(0);
        VK.awaitPollerIdle();
        assertThat(VK.messagesTo(user)).filteredOn(c -> c.method().equals("send#9")).hasSize(1);
        assertThat(VK.deliveredTo(user)).filteredOn(c -> delivered.text().equals(c.text())).hasSize(1);
    }

    @Test
    void aParentWhoDoesNotAllowMessagesIsMarkedUnreachable() {
        long user = newChatId();
        ChatAddress address = new ChatAddress("vk", String.valueOf(user));
        MessengerParent.vk(VK, user).send("/menu");
        assertThat(knownChats.isReachable(address)).isTrue();

        VK.block(user);
        VK.sendText(user, "/help");
        VK.awaitPollerIdle();

        assertThat(VK.messagesTo(user)).anyMatch(c -> c.method().equals("send#901"));
        assertThat(knownChats.isReachable(address)).isFalse();
    }

    @Test
    void theCallbackApiRefusesAWrongSecretAndHandlesTheRightOne() throws Exception {
        long user = newChatId();
        Map<String, Object> event = new LinkedHashMap<>(VK.messageEvent(user, "/help", null));

        event.put("secret", "not-the-secret");
        HttpResponse<String> forged = post(event);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(VK.messagesTo(user)).isEmpty();

        event.put("secret", VK_CALLBACK_SECRET);
        HttpResponse<String> genuine = post(event);
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(genuine.body()).isEqualTo("ok");
        assertThat(VK.deliveredTo(user)).as("answered before the callback returned").isNotEmpty();

        event.put("group_id", FakeVkServer.GROUP_ID + 1);
        assertThat(post(event).statusCode()).as("another community's event").isEqualTo(403);
    }

    private HttpResponse<String> post(Map<String, Object> event) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/vk/callback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(event))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
