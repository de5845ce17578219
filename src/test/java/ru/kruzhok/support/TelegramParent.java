package ru.kruzhok.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import ru.kruzhok.support.FakeTelegramServer.Call;

/**
 * A parent in a private Telegram chat, in the style of aiogram-dialog's test client: send text,
 * press a button by its label, read what the bot said. Everything goes through the fake Bot API
 * and the real TelegramBots client.
 */
public final class TelegramParent {

    /** Updates the application is still handling; set by the test context ({@link IntegrationTest}). */
    private static volatile IntSupplier handling;

    private final FakeTelegramServer telegram;
    private final long chatId;

    /** Lets parents wait until the dispatcher has handled what they sent instead of guessing a pause. */
    static void handlingFrom(IntSupplier inFlight) {
        handling = inFlight;
    }

    public TelegramParent(FakeTelegramServer telegram, long chatId) {
        this.telegram = telegram;
        this.chatId = chatId;
    }

    public long chatId() {
        return chatId;
    }

    /** Sends text and waits for the bot's answer (at least one new message or edit). */
    public Call send(String text) {
        int before = telegram.messagesTo(chatId).size();
        telegram.sendText(chatId, text);
        return awaitAfter(before);
    }

    /** Presses the button with this label (exact, or contained) on the latest message that has it. */
    public Call press(String label) {
        List<Call> messages = telegram.messagesTo(chatId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            Call message = messages.get(i);
            String exact = message.callbackData(label);
            String data = exact != null ? exact : message.buttons().stream()
                    .filter(b -> String.valueOf(b.get("text")).contains(label))
                    .map(b -> (String) b.get("callback_data")).findFirst().orElse(null);
            if (data != null) {
                return pressData(messageId(message), data);
            }
        }
        throw new AssertionError("No button '" + label + "' in the chat; last message: " + last().text()
                + " " + last().buttonLabels());
    }

    /** Presses a button carrying raw callback data (forged or stale presses). */
    public Call pressData(int messageId, String data) {
        int before = telegram.messagesTo(chatId).size();
        telegram.pressButton(chatId, messageId, data);
        return awaitAfter(before);
    }

    public Call last() {
        List<Call> messages = telegram.messagesTo(chatId);
        assertThat(messages).as("messages to chat %s", chatId).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    public List<Call> messages() {
        return telegram.messagesTo(chatId);
    }

    /** The id of the message a call sent (or edited). */
    public static int messageId(Call call) {
        Object id = call.params().get("message_id");
        if (id != null) {
            return Integer.parseInt(String.valueOf(id));
        }
        Object sent = call.params().get("_sent_message_id");
        return sent == null ? 1 : Integer.parseInt(String.valueOf(sent));
    }

    private Call awaitAfter(int before) {
        telegram.await(all -> telegram.messagesTo(chatId).size() > before, Duration.ofSeconds(15));
        awaitHandled();
        return last();
    }

    /**
     * An update's replies have all reached the fake Bot API once the dispatcher counts it handled
     * (it completes after handing them to the channel), so a reply of several messages is read whole.
     */
    private static void awaitHandled() {
        IntSupplier inFlight = handling;
        if (inFlight == null) {
            // no dispatcher to ask (a context started outside IntegrationTest): the old pause
            LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (inFlight.getAsInt() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }
}
