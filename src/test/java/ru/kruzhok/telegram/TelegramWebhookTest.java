package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.StandaloneApplication;

/**
 * Webhook mode (TELEGRAM_WEBHOOK_URL set): only calls carrying the secret token are handled.
 *
 * <p>This class starts its own application rather than extending {@code IntegrationTest}: the
 * webhook endpoint exists only in webhook mode, and the shared context runs in long-polling mode
 * against its own fake. Starting it here (own data directory, own fake Bot API for the sends) and
 * closing it after the class keeps the second context alive only for these few seconds-long tests.
 */
class TelegramWebhookTest {

    private static final String SECRET = "webhook-secret-4f1c9a";
    private static final String WEBHOOK_URL = "https://bot.example.org/telegram/webhook";
    private static final String PATH = "/telegram/webhook";
    private static final AtomicInteger UPDATE_IDS = new AtomicInteger(500_000);

    private static FakeTelegramServer telegram;
    private static StandaloneApplication app;

    @BeforeAll
    static void startInWebhookMode() throws Exception {
        telegram = new FakeTelegramServer();
        app = StandaloneApplication.start(StandaloneApplication.newDataDir("webhook-"), Map.of(
                "kruzhok.telegram.token", FakeTelegramServer.TOKEN,
                "kruzhok.telegram.api-url", telegram.url(),
                "kruzhok.telegram.webhook-url", WEBHOOK_URL,
                "kruzhok.telegram.webhook-secret", SECRET));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void registersTheWebhookWithItsSecretAtStartAndDoesNotPoll() {
        assertThat(telegram.calls("setWebhook")).singleElement().satisfies(call -> {
            assertThat(call.params()).containsEntry("url", WEBHOOK_URL).containsEntry("secret_token", SECRET);
        });
        assertThat(telegram.getUpdatesCalls()).isZero();
        assertThat(telegram.calls("deleteWebhook")).isEmpty();
    }

    @Test
    void anUpdateWithoutTheRightSecretIsRejectedAndNotHandled() {
        long chat = 7_000_001;
        Map<String, Object> update = update(chat, "/menu");

        HttpResponse<String> noSecret = app.postJson(PATH, update);
        HttpResponse<String> wrongSecret = app.postJson(PATH, update, "X-Telegram-Bot-Api-Secret-Token", "guess");
        HttpResponse<String> almost = app.postJson(PATH, update, "X-Telegram-Bot-Api-Secret-Token", SECRET + "x");

        for (HttpResponse<String> rejected : new HttpResponse[] {noSecret, wrongSecret, almost}) {
            assertThat(rejected.statusCode()).isEqualTo(401);
            assertThat(StandaloneApplication.json(rejected).get("error").asText()).isNotBlank();
        }
        assertThat(telegram.messagesTo(chat)).as("nothing was sent to the chat").isEmpty();

        // the same update, now genuine, is handled: the rejected calls did not even mark it as seen
        HttpResponse<String> genuine = app.postJson(PATH, update, "X-Telegram-Bot-Api-Secret-Token", SECRET);

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(telegram.messagesTo(chat)).isNotEmpty()
                .allSatisfy(reply -> assertThat(reply.text()).isNotBlank());
    }

    @Test
    void anUpdateWithTheRightSecretIsAnsweredOnceEvenWhenTelegramRetriesIt() {
        long chat = 7_000_002;
        Map<String, Object> update = update(chat, "/menu");

        HttpResponse<String> first = app.postJson(PATH, update, "X-Telegram-Bot-Api-Secret-Token", SECRET);

        assertThat(first.statusCode()).isEqualTo(200);
        // the answer comes after handling, so the reply is already out
        var replies = telegram.messagesTo(chat);
        assertThat(replies).isNotEmpty();
        assertThat(replies).anyMatch(TelegramEndToEndTest::hasMenu);

        HttpResponse<String> retry = app.postJson(PATH, update, "X-Telegram-Bot-Api-Secret-Token", SECRET);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(telegram.messagesTo(chat)).isEqualTo(replies);
    }

    @Test
    void aBodyThatIsNotAnUpdateIsABadRequest() {
        HttpResponse<String> response = app.postJson(PATH, Map.of("hello", java.util.List.of(1, 2)),
                "X-Telegram-Bot-Api-Secret-Token", SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not a Telegram update").doesNotContain("Exception", "at ru.kruzhok");
    }

    private static Map<String, Object> update(long chat, String text) {
        Map<String, Object> update = new LinkedHashMap<>(telegram.messageUpdate(chat, "private", chat, text, null));
        update.put("update_id", UPDATE_IDS.incrementAndGet());
        return update;
    }
}
