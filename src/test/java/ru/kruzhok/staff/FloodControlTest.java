package ru.kruzhok.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.IntegrationTest;

/**
 * A flooding chat and a normal chat. Measured: the normal chat's reply latency with no flood, and
 * while a flood of 60 messages from another chat is being handled.
 *
 * <p>Asserted for updates that arrive together (one getUpdates answer), which is how a parent's
 * message meets an ongoing flood. Only measured (printed) for a parent's message that arrives just
 * after a burst; the poller's part in that (it fetches on while a flooder's updates are in flight)
 * is measured by TelegramFaultsTest (see docs/staff.md).
 *
 * <p>The shared test application runs with a raised limit (application-test.yml) so conversation
 * tests can go as fast as the bot answers; this test puts the real default limit — what
 * {@link FloodProperties} binds to with nothing configured — back on the bean for its own run.
 */
class FloodControlTest extends IntegrationTest {

    private static final int FLOOD = 60;

    @Autowired
    FloodControl floodControl;

    @BeforeEach
    void theRealDefaultLimit() {
        assertThat(floodControl.limit().messages()).as("the test configuration's limit").isGreaterThan(20);
        FloodProperties real = RealFloodLimit.defaults();
        assertThat(real).isEqualTo(new FloodProperties(20, Duration.ofSeconds(10)));
        floodControl.limit(real);
    }

    @AfterEach
    void theTestConfigurationsLimitAgain() {
        floodControl.limit(null);
    }
    private static final int ROUNDS = 5;

    private static Map<String, Object> privateText(long chat, String text) {
        return TELEGRAM.messageUpdate(chat, "private", chat, text, null);
    }

    /** Nanoseconds from handing the updates to the fake Bot API to the bot's answer to {@code normal}. */
    private static long latency(long normal, List<Map<String, Object>> flood, long pauseMillis) throws InterruptedException {
        int before = TELEGRAM.messagesTo(normal).size();
        List<Map<String, Object>> updates = new ArrayList<>(flood);
        long sent;
        if (pauseMillis == 0) {
            updates.add(privateText(normal, "/start"));
            sent = System.nanoTime();
            TELEGRAM.enqueueAll(updates);
        } else {
            TELEGRAM.enqueueAll(updates);
            Thread.sleep(pauseMillis);
            sent = System.nanoTime();
            TELEGRAM.sendText(normal, "/start");
        }
        Call reply = TELEGRAM.awaitMessages(normal, before + 1).get(before);
        return reply.atNanos() - sent;
    }

    private static List<Map<String, Object>> flood(long flooder) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            messages.add(privateText(flooder, "привет " + i));
        }
        return messages;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void staffAreNeverToldToSlowDown() {
        int before = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID).size();
        List<Map<String, Object>> commands = new ArrayList<>();
        for (int i = 0; i < FLOOD / 2; i++) {
            commands.add(privateText(ADMIN_TELEGRAM_ID, "/help"));
        }
        TELEGRAM.enqueueAll(commands);
        TELEGRAM.awaitMessages(ADMIN_TELEGRAM_ID, before + FLOOD / 2);
        awaitAllHandled();
        List<Call> replies = TELEGRAM.messagesTo(ADMIN_TELEGRAM_ID);
        assertThat(replies.subList(before, replies.size())).hasSizeGreaterThanOrEqualTo(FLOOD / 2)
                .noneMatch(c -> FloodControl.SLOW_DOWN.equals(c.text()));
    }

    @Test
    void aFloodingChatGetsOneSlowDownAndOtherChatsAreAnsweredAsUsual() throws Exception {
        long normal = newChatId();
        latency(normal, List.of(), 0); // warm-up
        List<Long> quiet = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            quiet.add(latency(normal, List.of(), 0));
        }
        List<Long> flooders = new ArrayList<>();
        List<Long> together = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long flooder = newChatId();
            flooders.add(flooder);
            together.add(latency(normal, flood(flooder), 0));
            awaitFloodHandled(flooder);
        }
        List<Long> justAfter = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long flooder = newChatId();
            flooders.add(flooder);
            justAfter.add(latency(normal, flood(flooder), 20));
            awaitFloodHandled(flooder);
        }

        long quietMs = median(quiet) / 1_000_000;
        long togetherMs = median(together) / 1_000_000;
        System.out.printf("Flood control: normal chat reply latency, median of %d: quiet %d ms %s; "
                        + "arriving with a 60-message flood %d ms %s; arriving 20 ms after one %d ms %s%n",
                ROUNDS, quietMs, ms(quiet), togetherMs, ms(together), median(justAfter) / 1_000_000, ms(justAfter));
        assertThat(togetherMs).isLessThanOrEqualTo(2 * quietMs + 200);

        awaitAllHandled();
        for (long flooder : flooders) {
            // about 20 answers (the bucket refills 2 a second while they are handled), then exactly one
            // request to slow down, then silence for the rest of the 60
            List<Call> messages = TELEGRAM.messagesTo(flooder);
            assertThat(messages.stream().filter(c -> FloodControl.SLOW_DOWN.equals(c.text()))).hasSize(1);
            assertThat(messages.get(messages.size() - 1).text()).isEqualTo(FloodControl.SLOW_DOWN);
            assertThat(messages.size() - 1).isBetween(20, 30);
        }
    }

    /** Until the flooder was told to slow down and every update was handled, so rounds do not overlap. */
    private void awaitFloodHandled(long flooder) {
        TELEGRAM.await(calls -> TELEGRAM.messagesTo(flooder).stream()
                .anyMatch(c -> FloodControl.SLOW_DOWN.equals(c.text())), Duration.ofSeconds(15));
        awaitAllHandled();
    }

    /** Until the bot has handled every update fed so far (the poller confirmed them), replies sent. */
    private static void awaitAllHandled() {
        TELEGRAM.awaitHandled(TELEGRAM.peekNextUpdateId() - 1, Duration.ofSeconds(15));
    }

    private static List<Long> ms(List<Long> nanos) {
        return nanos.stream().map(n -> n / 1_000_000).toList();
    }
}
