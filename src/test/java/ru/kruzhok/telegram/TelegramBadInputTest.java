package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TelegramHtmlChecker;

/**
 * What parents really send: overlong text, HTML-looking text, emoji, empty messages, stickers,
 * photos, voice messages and presses on buttons the bot never issued. Each gets a kind reply that
 * Telegram accepts, and nothing ends in the dispatcher's apology for an unhandled error.
 */
class TelegramBadInputTest extends IntegrationTest {

    private static final List<String> MENU = List.of("Сертификат", "Найти кружок", "Опросы", "Задать вопрос", "Настройки");

    @Test
    void aVeryLongMessageGetsAKindReplyWithTheMenu() {
        long chat = newChatId();

        TELEGRAM.sendText(chat, "Подскажите пожалуйста про сертификат и кружки для ребёнка. ".repeat(90).substring(0, 5000));

        assertKindReplyOfferingHelp(chat);
    }

    @Test
    void textThatLooksLikeHtmlGetsAValidReply() {
        long chat = newChatId();

        TELEGRAM.sendText(chat, "<b>& </i> <a href=\"javascript:alert(1)\">сертификат</a> **жирный** [x](javascript:1) &amp;");

        assertKindReplyOfferingHelp(chat);
    }

    @Test
    void emojiOnlyGetsAKindReplyWithTheMenu() {
        long chat = newChatId();

        TELEGRAM.sendText(chat, "😀👍🏽👨‍👩‍👧‍👦");

        assertKindReplyWithMenu(chat);
    }

    @Test
    void anEmptyMessageGetsAKindReply() {
        long chat = newChatId();
        long blank = newChatId();

        TELEGRAM.enqueue(TELEGRAM.messageUpdate(chat, "private", chat, null, null));
        TELEGRAM.sendText(blank, "   ");

        assertKindReply(chat);
        assertKindReply(blank);
    }

    @Test
    void aStickerGetsAKindReply() {
        long chat = newChatId();

        TELEGRAM.enqueue(TELEGRAM.messageUpdate(chat, "private", chat, null, Map.of("sticker", Map.of(
                "file_id", "CAACAgIAAxkBAAE", "file_unique_id", "AgADsticker", "type", "regular",
                "width", 512, "height", 512, "is_animated", false, "is_video", false, "emoji", "😀"))));

        assertKindReply(chat);
    }

    @Test
    void aPhotoWithACaptionGetsAKindReply() {
        long chat = newChatId();

        TELEGRAM.enqueue(TELEGRAM.messageUpdate(chat, "private", chat, null, Map.of(
                "photo", List.of(
                        Map.of("file_id", "photo-small", "file_unique_id", "ps", "width", 90, "height", 90, "file_size", 1200),
                        Map.of("file_id", "photo-big", "file_unique_id", "pb", "width", 1280, "height", 960, "file_size", 98000)),
                "caption", "<b>& вот справка")));

        assertKindReply(chat);
    }

    @Test
    void aVoiceMessageGetsAKindReply() {
        long chat = newChatId();

        TELEGRAM.enqueue(TELEGRAM.messageUpdate(chat, "private", chat, null, Map.of("voice", Map.of(
                "file_id", "voice-1", "file_unique_id", "v1", "duration", 4, "mime_type", "audio/ogg", "file_size", 8000))));

        assertKindReply(chat);
    }

    @Test
    void aPressOnAButtonTheBotNeverIssuedGetsTheMenu() {
        for (String data : new String[] {"zz:never-issued", "~NoSuchTokenWasEverIssuedByTheBot00", "ё".repeat(32), "m:"}) {
            long chat = newChatId();

            int update = TELEGRAM.pressButton(chat, 77, data);

            assertKindReplyWithMenu(chat);
            assertThat(TELEGRAM.calls("answerCallbackQuery"))
                    .anyMatch(c -> ("cb" + update).equals(c.params().get("callback_query_id")));
        }
    }

    /** Free text gets an answer, the offer to pass it to a person at the МОЦ, or the menu. */
    private static void assertKindReplyOfferingHelp(long chat) {
        List<Call> replies = assertKindReply(chat);
        // an answer (with 👍/👎), the offer to pass the question on, or the menu: always a way forward
        assertThat(replies).as("a reply with buttons to go on").anyMatch(c -> !c.buttonLabels().isEmpty());
    }

    private static void assertKindReplyWithMenu(long chat) {
        List<Call> replies = assertKindReply(chat);
        assertThat(replies).as("a reply carries the main menu")
                .anyMatch(c -> MENU.stream().allMatch(item -> c.buttonLabels().stream().anyMatch(l -> l.contains(item))));
    }

    /** Waits for the chat's replies and checks each is kind and something Telegram accepts. */
    private static List<Call> assertKindReply(long chat) {
        TELEGRAM.awaitDelivered(chat, 1);
        TELEGRAM.awaitPollerIdle();
        List<Call> all = TELEGRAM.messagesTo(chat);
        assertThat(all).as("nothing refused").noneMatch(c -> c.method().contains("#"));
        for (Call reply : all) {
            String text = reply.text();
            assertThat(text).as("reply text").isNotBlank();
            if ("html".equalsIgnoreCase(String.valueOf(reply.params().get("parse_mode")))) {
                TelegramHtmlChecker.assertSendable(text);
                text = TelegramHtmlChecker.visibleText(text);
            }
            assertThat(text.length()).isLessThanOrEqualTo(TelegramHtmlChecker.MESSAGE_LIMIT);
            assertThat(text).as("no apology for an unhandled error").doesNotContain("техническая заминка");
            assertThat(text).doesNotContainIgnoringCase("exception").doesNotContain("null");
            assertThat(reply.buttons()).allSatisfy(b -> {
                if (b.get("callback_data") != null) {
                    assertThat(String.valueOf(b.get("callback_data")).getBytes(StandardCharsets.UTF_8).length)
                            .as("callback_data of %s", b.get("text")).isLessThanOrEqualTo(64);
                }
            });
        }
        return all;
    }
}
