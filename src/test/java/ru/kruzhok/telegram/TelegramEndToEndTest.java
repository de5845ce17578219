package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

/**
 * The bot as a parent meets it in Telegram: every update goes through the fake Bot API, the real
 * TelegramBots client, the poller, the dispatcher and the conversation, and back.
 */
class TelegramEndToEndTest extends IntegrationTest {

    private static final List<String> MENU = List.of("Сертификат", "Найти кружок", "Опросы", "Задать вопрос", "Настройки");

    @Autowired
    KnownChats knownChats;

    @Autowired
    MeterRegistry meters;

    @Test
    void startGreetsAndMenuShowsTheMainMenu() {
        long chat = newChatId();

        TELEGRAM.sendText(chat, "/start");
        assertThat(TELEGRAM.awaitDelivered(chat, 1).get(0).text()).contains("Здравствуйте");
        TELEGRAM.sendText(chat, "/menu");

        Call menu = awaitMenu(chat);
        assertThat(menu.text()).isNotBlank();
        assertThat(String.valueOf(menu.params().get("parse_mode"))).isEqualToIgnoringCase("HTML");
    }

    @Test
    void aButtonPressIsAcknowledgedAndLeadsOn() {
        long chat = newChatId();
        TELEGRAM.sendText(chat, "/menu");
        Call menu = awaitMenu(chat);
        String data = menu.callbackData(label(menu, "Сертификат"));
        long pressedAt = System.nanoTime();

        int update = TELEGRAM.pressButton(chat, TELEGRAM.lastMessageId(chat), data);

        TELEGRAM.await(calls -> calls.stream().anyMatch(c -> c.method().equals("answerCallbackQuery")
                && ("cb" + update).equals(c.params().get("callback_query_id"))), Duration.ofSeconds(10));
        TELEGRAM.await(calls -> !answersAfter(chat, pressedAt).isEmpty(), Duration.ofSeconds(10));
        assertThat(answersAfter(chat, pressedAt)).allSatisfy(c -> assertThat(c.text()).isNotBlank());
    }

    @Test
    void a429IsWaitedOutAndTheMessageDeliveredOnce() {
        long chat = newChatId();
        TELEGRAM.rateLimitNext("sendMessage", String.valueOf(chat), 1);

        TELEGRAM.sendText(chat, "/help");

        Call delivered = TELEGRAM.awaitDelivered(chat, 1).get(0);
        TELEGRAM.awaitPollerIdle();
        List<Call> refused = TELEGRAM.messagesTo(chat).stream().filter(c -> c.method().equals("sendMessage#429")).toList();
        assertThat(refused).hasSize(1);
        assertThat(delivered.text()).isEqualTo(refused.get(0).text());
        assertThat(Duration.ofNanos(delivered.atNanos() - refused.get(0).atNanos()))
                .as("waited retry_after").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(TELEGRAM.deliveredTo(chat)).filteredOn(c -> delivered.text().equals(c.text())).hasSize(1);
    }

    @Test
    void a403MarksTheChatUnreachableUntilTheParentWritesAgain() {
        long chat = newChatId();
        ChatAddress address = new ChatAddress("telegram", String.valueOf(chat));
        TELEGRAM.sendText(chat, "/menu");
        awaitMenu(chat);
        assertThat(knownChats.isReachable(address)).isTrue();

        TELEGRAM.block(chat);
        TELEGRAM.sendText(chat, "/help");

        await().atMost(Duration.ofSeconds(10)).until(() -> !knownChats.isReachable(address));
        assertThat(TELEGRAM.messagesTo(chat)).anyMatch(c -> c.method().equals("sendMessage#403"));

        TELEGRAM.unblock(chat);
        TELEGRAM.sendText(chat, "/menu");
        TELEGRAM.awaitDelivered(chat, 2);
        assertThat(knownChats.isReachable(address)).isTrue();
    }

    @Test
    void anUpdateDeliveredTwiceIsAnsweredOnce() {
        long chat = newChatId();
        int update = TELEGRAM.sendText(chat, "/help");
        TELEGRAM.awaitDelivered(chat, 1);
        TELEGRAM.awaitPollerIdle();
        List<Call> answers = TELEGRAM.deliveredTo(chat);
        double duplicatesBefore = duplicates();

        TELEGRAM.redeliver(update);

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() > duplicatesBefore);
        TELEGRAM.awaitPollerIdle();
        assertThat(TELEGRAM.deliveredTo(chat)).isEqualTo(answers);
    }

    @Test
    void twentyChatsWritingAtOnceEachGetTheirRepliesInOrder() throws Exception {
        // Replies are told apart by text: learn what each input is answered with, in one chat, in turn.
        String[] inputs = {"/help", "/menu"};
        List<List<String>> repliesTo = learnReplies(inputs);
        assertThat(repliesTo.get(0)).as("the inputs must be answered differently to tell the order")
                .isNotEqualTo(repliesTo.get(1));

        int chats = 20;
        int perChat = 10;
        Random random = new Random(2);
        List<Long> chatIds = new ArrayList<>();
        List<int[]> sequences = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            chatIds.add(newChatId());
            int[] sequence = random.ints(perChat, 0, inputs.length).toArray();
            sequence[0] = 0;
            sequence[1] = 1; // both kinds in every chat
            sequences.add(sequence);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(chats);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < chats; c++) {
                long chat = chatIds.get(c);
                int[] sequence = sequences.get(c);
                sent.add(senders.submit(() -> {
                    go.await();
                    for (int input : sequence) {
                        TELEGRAM.sendText(chat, inputs[input]);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }

        for (int c = 0; c < chats; c++) {
            List<String> expected = new ArrayList<>();
            for (int input : sequences.get(c)) {
                expected.addAll(repliesTo.get(input));
            }
            long chat = chatIds.get(c);
            List<String> actual = TELEGRAM.awaitDelivered(chat, expected.size()).stream().map(Call::text).toList();
            assertThat(actual).as("replies in chat %d", c).isEqualTo(expected);
        }
        TELEGRAM.awaitPollerIdle();
        for (int c = 0; c < chats; c++) {
            assertThat(TELEGRAM.deliveredTo(chatIds.get(c))).as("nothing more in chat %d", c)
                    .hasSize(expectedCount(repliesTo, sequences.get(c)));
        }
    }

    /** Sends each input twice in turn to a fresh chat and returns the texts it was answered with the second time. */
    private static List<List<String>> learnReplies(String[] inputs) {
        long chat = newChatId();
        List<List<String>> replies = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            replies.clear();
            for (String input : inputs) {
                int before = TELEGRAM.deliveredTo(chat).size();
                TELEGRAM.sendText(chat, input);
                TELEGRAM.awaitDelivered(chat, before + 1);
                TELEGRAM.awaitPollerIdle();
                List<Call> all = TELEGRAM.deliveredTo(chat);
                replies.add(all.subList(before, all.size()).stream().map(Call::text).toList());
            }
        }
        return replies;
    }

    private static int expectedCount(List<List<String>> repliesTo, int[] sequence) {
        int count = 0;
        for (int input : sequence) {
            count += repliesTo.get(input).size();
        }
        return count;
    }

    private double duplicates() {
        return meters.counter("kruzhok.updates.duplicates").count();
    }

    /** Waits for a message in the chat that carries the whole main menu. */
    private static Call awaitMenu(long chat) {
        TELEGRAM.await(calls -> TELEGRAM.deliveredTo(chat).stream().anyMatch(TelegramEndToEndTest::hasMenu),
                Duration.ofSeconds(15));
        return TELEGRAM.deliveredTo(chat).stream().filter(TelegramEndToEndTest::hasMenu).findFirst().orElseThrow();
    }

    static boolean hasMenu(Call call) {
        return MENU.stream().allMatch(item -> call.buttonLabels().stream().anyMatch(l -> l.contains(item)));
    }

    private static String label(Call call, String item) {
        return call.buttonLabels().stream().filter(l -> l.contains(item)).findFirst().orElseThrow();
    }

    private static List<Call> answersAfter(long chat, long nanos) {
        return TELEGRAM.deliveredTo(chat).stream().filter(c -> c.atNanos() > nanos).toList();
    }
}
