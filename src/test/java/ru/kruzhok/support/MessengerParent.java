package ru.kruzhok.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ru.kruzhok.support.FakePlatformServer.Call;

/**
 * A parent in a private MAX or VK chat, in the style of {@link TelegramParent}: type text, press a
 * button by its label, read what the bot said. Each step waits until the fake server's poller is
 * idle again, i.e. the bot handled the update and sent all its replies.
 */
public final class MessengerParent {

    private final FakePlatformServer server;
    private final String chatId;
    private final Consumer<String> typing;
    private final BiConsumer<Call, String> pressing;
    private final Runnable idle;

    private MessengerParent(FakePlatformServer server, String chatId, Consumer<String> typing,
                            BiConsumer<Call, String> pressing, Runnable idle) {
        this.server = server;
        this.chatId = chatId;
        this.typing = typing;
        this.pressing = pressing;
        this.idle = idle;
    }

    public static MessengerParent max(FakeMaxServer max, long userId) {
        return new MessengerParent(max, String.valueOf(userId), text -> max.sendText(userId, text),
                (message, payload) -> max.pressButton(userId, String.valueOf(message.params().get("mid")), payload),
                max::awaitPollerIdle);
    }

    public static MessengerParent vk(FakeVkServer vk, long userId) {
        return new MessengerParent(vk, String.valueOf(userId), text -> vk.sendText(userId, text),
                (message, payload) -> vk.pressButton(userId, payload), vk::awaitPollerIdle);
    }

    /** Sends text and waits for the bot's answer (at least one new message or edit). */
    public Call send(String text) {
        int before = server.deliveredTo(chatId).size();
        typing.accept(text);
        return awaitAfter(before);
    }

    /** Runs {@code action} (a start from a deep link, …) and waits for the bot's answer. */
    public Call after(Runnable action) {
        int before = server.deliveredTo(chatId).size();
        action.run();
        return awaitAfter(before);
    }

    /** Presses the button with this label (exact, or contained) on the latest message that has it. */
    public Call press(String label) {
        List<Call> messages = server.deliveredTo(chatId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            String payload = messages.get(i).payload(label);
            if (payload != null) {
                Call message = messages.get(i);
                return after(() -> pressing.accept(message, payload));
            }
        }
        throw new AssertionError("No button '" + label + "' in the chat; last message: " + last().text()
                + " " + last().buttonLabels());
    }

    public Call last() {
        List<Call> messages = server.deliveredTo(chatId);
        assertThat(messages).as("messages to chat %s", chatId).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    public List<Call> messages() {
        return server.deliveredTo(chatId);
    }

    private Call awaitAfter(int before) {
        server.await(all -> server.deliveredTo(chatId).size() > before, Duration.ofSeconds(15));
        idle.run();
        return last();
    }
}
