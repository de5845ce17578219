package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.staff.RealFloodLimit;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

/**
 * Faults around the Bot API and the update claims, seen from the parent's chat: a Telegram that
 * answers 5xx or drops connections, an update claimed by an instance that died before answering,
 * and one chat flooding while others talk.
 */
class TelegramFaultsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    /** The texts a parent's /start gets when nothing goes wrong. */
    private List<String> startAnswer() {
        long chat = newChatId();
        TELEGRAM.sendText(chat, "/start");
        TELEGRAM.awaitDelivered(chat, 1);
        TELEGRAM.awaitPollerIdle();
        return texts(TELEGRAM.deliveredTo(chat));
    }

    private static List<String> texts(List<Call> calls) {
        return calls.stream().map(c -> String.valueOf(c.text())).toList();
    }

    @Test
    void aBotApiAnswering5xxOrDroppingConnectionsIsRiddenOutAndNothingIsSentTwice() {
        List<String> expected = startAnswer();
        long chat = newChatId();
        String id = String.valueOf(chat);
        TELEGRAM.failNext("sendMessage", id, 500, 1);
        TELEGRAM.failNext("sendMessage", id, 502, 1);
        TELEGRAM.dropNext("sendMessage", id, 1);

        TELEGRAM.sendText(chat, "/start");
        TELEGRAM.awaitDelivered(chat, expected.size());
        TELEGRAM.awaitPollerIdle();

        assertThat(texts(TELEGRAM.deliveredTo(chat))).as("the same answer, each message once").isEqualTo(expected);
        List<String> refused = TELEGRAM.messagesTo(chat).stream().map(Call::method).filter(m -> m.contains("#")).toList();
        assertThat(refused).contains("sendMessage#500", "sendMessage#502", "sendMessage#dropped");
    }

    @Test
    void aSendTheBotApiNeverAnswersIsRetriedAfterTheSendTimeoutNotTheLongPollOne() {
        List<String> expected = startAnswer();
        long chat = newChatId();
        TELEGRAM.hangNext("sendMessage", String.valueOf(chat), 1, Duration.ofSeconds(20));

        long sent = System.nanoTime();
        TELEGRAM.sendText(chat, "/start");
        TELEGRAM.awaitDelivered(chat, expected.size());
        double seconds = (System.nanoTime() - sent) / 1e9;
        TELEGRAM.awaitPollerIdle();

        assertThat(texts(TELEGRAM.deliveredTo(chat))).as("the same answer, each message once").isEqualTo(expected);
        assertThat(TELEGRAM.messagesTo(chat).stream().map(Call::method)).contains("sendMessage#hung");
        // the tests' send timeout is 3 s; the long poll's read timeout (poll + 15 s) would be 16 s
        assertThat(seconds).as("answered after the hung send timed out").isBetween(3.0, 12.0);
    }

    @Test
    void anUpdateClaimedByAnInstanceThatDiedIsAnsweredOnceTheLeaseRunsOut() {
        List<String> expected = startAnswer();
        long chat = newChatId();
        int updateId = TELEGRAM.peekNextUpdateId();
        // The dead instance had just claimed the update when it was killed, before answering it.
        jdbc.update("insert into processed_update(update_key, processed_at, owner) values (?, clock_timestamp(), 'killed')",
                "telegram:" + updateId);

        long sent = System.nanoTime();
        assertThat(TELEGRAM.sendText(chat, "/start")).isEqualTo(updateId);
        Call first = TELEGRAM.await(all -> all.stream().anyMatch(c -> String.valueOf(chat).equals(c.chatId())
                && c.method().equals("sendMessage")), Duration.ofSeconds(25)).stream()
                .filter(c -> String.valueOf(chat).equals(c.chatId())).findFirst().orElseThrow();
        double takeOver = (first.atNanos() - sent) / 1e9;
        System.out.printf("[reliability] claim take-over after a dead instance: %.1f s (lease 10 s)%n", takeOver);
        TELEGRAM.awaitPollerIdle();

        assertThat(takeOver).as("seconds until another instance answered").isBetween(8.0, 15.0);
        assertThat(texts(TELEGRAM.deliveredTo(chat))).isEqualTo(expected);
    }

    @Test
    void anUpdateAnsweredBeforeIsNotAnsweredAgain() {
        long chat = newChatId();
        int updateId = TELEGRAM.peekNextUpdateId();
        jdbc.update("insert into processed_update(update_key, processed_at, owner, answered_at) "
                + "values (?, clock_timestamp(), 'other', clock_timestamp())", "telegram:" + updateId);

        assertThat(TELEGRAM.sendText(chat, "/start")).isEqualTo(updateId);
        TELEGRAM.awaitPollerIdle();

        assertThat(TELEGRAM.messagesTo(chat)).isEmpty();
    }

    /**
     * One chat sends 200 messages in 10 s while five other parents talk as usual (one message every
     * half second each); their answers' p99 is reported.
     */
    @Test
    void aFloodFromOneChatDoesNotHoldUpTheOthers() throws Exception {
        startAnswer(); // warm
        long flooder = newChatId();
        List<Long> parents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parents.add(newChatId());
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        // the flood meets production's flood control, not the tests' raised limit
        try (RealFloodLimit limit = RealFloodLimit.on(context)) {
            long start = System.nanoTime();
            Future<?> flood = threads.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    TELEGRAM.sendText(flooder, "сообщение " + i);
                    sleepUntil(start + i * 50_000_000L);
                }
                return null;
            });
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> talking = new ArrayList<>();
            for (long parent : parents) {
                talking.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        sleepUntil(start + i * 500_000_000L);
                        int before = TELEGRAM.messagesTo(parent).size();
                        long sent = System.nanoTime();
                        TELEGRAM.sendText(parent, i == 0 ? "/start" : "/menu");
                        Call reply = TELEGRAM.awaitMessages(parent, before + 1).get(before);
                        latencies.add(reply.atNanos() - sent);
                    }
                    return null;
                }));
            }
            flood.get();
            for (Future<?> f : talking) {
                f.get();
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p50 = sorted.get(sorted.size() / 2) / 1e6;
            double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
            System.out.printf("[reliability] flood of 200 messages in 10 s from one chat: other chats' p50 %.1f ms, "
                    + "p99 %.1f ms over %d answers (load average %s)%n", p50, p99, sorted.size(), loadAverage());
            assertThat(sorted).hasSize(100);
            assertThat(p99).as("p99 ms of the other chats' answers").isLessThan(1_000);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
