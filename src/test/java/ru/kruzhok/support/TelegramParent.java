package ru.kruzhok.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import ru.kruzhok.support.FakeTelegramServer.Call;

/**
 * A parent in a private Telegram chat, in the style of aiogram-dialog's test client: send text,
 * press a button by its label, read what the bot said. Everything goes through the fake Bot API
 * and the real TelegramBots client.
 */
public final class TelegramParent {

    private final FakeTelegramServer telegram;
    private final long chatId;

    public TelegramParent(FakeTelegramServer telegram, long chatId) {
        this.telegram = telegram;
        this.chatId = chatId;
    }

    public long chatId() {
        return chatId;
    }

    /** Sends text and waits until the bot has handled it; returns the last message of its answer. */
    public Call send(String text) {
        int before = telegram.messagesTo(chatId).size();
        return awaitAfter(before, telegram.sendText(chatId, text));
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
        return awaitAfter(before, telegram.pressButton(chatId, messageId, data));
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

    /**
     * Waits until the update was handled — the dispatcher has finished it and handed every reply to
     * the fake Bot API ({@link FakeTelegramServer#awaitHandled}) — so an answer of several messages
     * is read whole, with no pause to guess; then for at least one new message or edit.
     */
    private Call awaitAfter(int before, int updateId) {
        telegram.awaitHandled(updateId, Duration.ofSeconds(15));
        telegram.await(all -> telegram.messagesTo(chatId).size() > before, Duration.ofSeconds(15));
        return last();
    }
}
