package ru.kruzhok.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.KnownChats;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.IntegrationTest;
import ru.kruzhok.support.TestParents;
import ru.kruzhok.channel.SendLimit;

import static org.assertj.core.api.Assertions.assertThat;

/** Announcements through the real Telegram client against the fake Bot API. */
class BroadcastDeliveryTest extends IntegrationTest {

    static final AudienceFilter NEWBORNS = new AudienceFilter(null, 0, 0, null);

    @Autowired JdbcTemplate jdbc;
    @Autowired Broadcasts broadcasts;
    @Autowired BroadcastWorker worker;
    @Autowired BroadcastOutbox outbox;
    @Autowired SendBudget budget;
    @Autowired ChannelRegistry channels;
    @Autowired KnownChats knownChats;
    @Autowired ParentProfiles parentProfiles;
    @Autowired BroadcastProperties properties;

    TestParents parents;

    @BeforeEach
    void setUp() {
        parents = new TestParents(jdbc);
        TELEGRAM.reset();
        // fast where the rate is not what is tested; the per-chat pace stays as in production
        budget.override("telegram", new SendLimit(400, 0, Duration.ofSeconds(1)));
    }

    @AfterEach
    void tearDown() {
        worker.start();
        budget.override("telegram", null);
        parents.deleteAll();
        TELEGRAM.reset();
    }

    @Test
    void thousandParentsGetTheAnnouncementExactlyOnceDespiteBlocksAnd429s() {
        List<ChatAddress> chats = addParents(1000);
        Set<String> blocked = new HashSet<>();
        for (int i = 0; i < 1000; i += 50) {
            TELEGRAM.block(Long.parseLong(chats.get(i).chatId()));
            blocked.add(chats.get(i).chatId());
        }
        for (int i = 0; i < 3; i++) {
            TELEGRAM.rateLimitNext("sendMessage", null, 1);
        }

        long id = broadcasts.create(new Broadcasts.Request("**Новость** для всех", NEWBORNS, null, "test"));
        Broadcasts.Report report = awaitStatus(id, "done", Duration.ofSeconds(60));

        Map<String, Long> delivered = deliveredCounts();
        for (ChatAddress chat : chats) {
            long expected = blocked.contains(chat.chatId()) ? 0 : 1;
            assertThat(delivered.getOrDefault(chat.chatId(), 0L)).as("messages to a parent").isEqualTo(expected);
        }
        assertThat(TELEGRAM.calls("sendMessage#429")).hasSize(3);
        assertThat(report.total()).isEqualTo(1000);
        assertThat(report.sent()).isEqualTo(980);
        assertThat(report.blocked()).isEqualTo(20);
        assertThat(report.failed()).isZero();
        for (String chatId : blocked) {
            assertThat(knownChats.isReachable(new ChatAddress("telegram", chatId))).isFalse();
        }
        // a blocked parent is skipped from then on: the next announcement does not try them again
        int callsBefore = TELEGRAM.calls("sendMessage#403").size();
        long second = broadcasts.create(new Broadcasts.Request("Ещё новость", NEWBORNS, null, "test"));
        Broadcasts.Report again = awaitStatus(second, "done", Duration.ofSeconds(60));
        assertThat(TELEGRAM.calls("sendMessage#403")).hasSize(callsBefore);
        assertThat(again.blocked()).isEqualTo(20);
        assertThat(again.sent()).isEqualTo(980);
    }

    @Test
    void rowsOfACrashedInstanceAreTakenOverAndSentOnce() {
        worker.stop();
        List<ChatAddress> chats = addParents(30);
        long id = broadcasts.create(new Broadcasts.Request("Анонс", NEWBORNS, null, "test"));
        broadcasts.startDue();
        // a dead instance had claimed 10 rows; it had started sending 5 of them when it died
        jdbc.update("""
                update broadcast_recipient set status = 'sending', claimed_by = 'dead-host/1/x#1',
                       claimed_at = now() - interval '10 minutes',
                       send_started_at = case when id % 2 = 0 then now() - interval '10 minutes' end
                 where id in (select id from broadcast_recipient where broadcast_id = ? order by id limit 10)
                """, id);

        worker.start();
        Broadcasts.Report report = awaitStatus(id, "done", Duration.ofSeconds(30));

        Map<String, Long> delivered = deliveredCounts();
        for (ChatAddress chat : chats) {
            assertThat(delivered.get(chat.chatId())).isEqualTo(1L);
        }
        assertThat(report.sent()).isEqualTo(30);
    }

    @Test
    void stoppingMidBroadcastAndStartingAgainLosesAndRepeatsNothing() throws Exception {
        budget.override("telegram", new SendLimit(20, 0, Duration.ofSeconds(1)));
        List<ChatAddress> chats = addParents(60);
        long id = broadcasts.create(new Broadcasts.Request("Анонс", NEWBORNS, null, "test"));
        TELEGRAM.await(calls -> calls.stream().filter(c -> c.method().equals("sendMessage")).count() >= 10,
                Duration.ofSeconds(20));
        worker.stop();
        int sentAtStop = TELEGRAM.calls("sendMessage").size();
        assertThat(sentAtStop).isLessThan(60);
        Thread.sleep(500);
        assertThat(TELEGRAM.calls("sendMessage")).hasSize(sentAtStop);
        assertThat(jdbc.queryForObject(
                "select count(*) from broadcast_recipient where broadcast_id = ? and status = 'sending'",
                Integer.class, id)).as("a graceful stop hands its claimed rows back").isZero();

        worker.start();
        awaitStatus(id, "done", Duration.ofSeconds(30));
        Map<String, Long> delivered = deliveredCounts();
        for (ChatAddress chat : chats) {
            assertThat(delivered.get(chat.chatId())).isEqualTo(1L);
        }
    }

    @Test
    void twoWorkersShareOneBroadcastWithoutDuplicates() {
        worker.stop();
        // slow enough (2 s) that the second worker, started right after the first, gets a share
        budget.override("telegram", new SendLimit(100, 0, Duration.ofSeconds(1)));
        BroadcastWorker first = newWorker("instance-a");
        BroadcastWorker second = newWorker("instance-b");
        List<ChatAddress> chats = addParents(200);
        long id = broadcasts.create(new Broadcasts.Request("Анонс", NEWBORNS, null, "test"));
        first.start();
        second.start();
        try {
            awaitStatus(id, "done", Duration.ofSeconds(30));
        } finally {
            first.stop();
            second.stop();
        }
        Map<String, Long> delivered = deliveredCounts();
        for (ChatAddress chat : chats) {
            assertThat(delivered.get(chat.chatId())).isEqualTo(1L);
        }
        List<String> senders = jdbc.queryForList("""
                select distinct split_part(sent_by, '#', 1) from broadcast_recipient where broadcast_id = ?
                """, String.class, id);
        assertThat(senders).containsExactlyInAnyOrder("instance-a", "instance-b");
    }

    @Test
    void notificationsTurnedOffAfterTheStartAreRespectedAtSendTime() {
        worker.stop();
        List<ChatAddress> chats = addParents(5);
        long id = broadcasts.create(new Broadcasts.Request("Анонс", NEWBORNS, null, "test"));
        broadcasts.startDue();
        parentProfiles.setNotifications(chats.get(0), false);
        worker.start();
        Broadcasts.Report report = awaitStatus(id, "done", Duration.ofSeconds(20));
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(4);
        assertThat(TELEGRAM.messagesTo(Long.parseLong(chats.get(0).chatId()))).isEmpty();
    }

    @Test
    void aBadRequestFailsTheRowWithItsReason() {
        List<ChatAddress> chats = addParents(3);
        TELEGRAM.failNext("sendMessage", chats.get(1).chatId(), 400, "Bad Request: chat not found");
        long id = broadcasts.create(new Broadcasts.Request("Анонс", NEWBORNS, null, "test"));
        Broadcasts.Report report = awaitStatus(id, "done", Duration.ofSeconds(20));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                "select last_error from broadcast_recipient where broadcast_id = ? and status = 'failed'",
                String.class, id)).contains("chat not found");
    }

    @Test
    void cancellingStopsAScheduledAndARunningBroadcast() {
        addParents(5);
        long later = broadcasts.create(new Broadcasts.Request("Позже", NEWBORNS,
                Instant.now().plus(Duration.ofHours(1)), "test"));
        assertThat(broadcasts.cancel(later)).isTrue();
        assertThat(broadcasts.report(later).orElseThrow().status()).isEqualTo("cancelled");

        budget.override("telegram", new SendLimit(2, 0, Duration.ofSeconds(1)));
        addParents(35);
        long running = broadcasts.create(new Broadcasts.Request("Сейчас", NEWBORNS, null, "test"));
        TELEGRAM.await(calls -> calls.stream().anyMatch(c -> c.method().equals("sendMessage")), Duration.ofSeconds(20));
        assertThat(broadcasts.cancel(running)).isTrue();
        int sentAtCancel = TELEGRAM.calls("sendMessage").size();
        sleep(1500);
        // at most the sends already under way at the moment of cancelling
        assertThat(TELEGRAM.calls("sendMessage").size()).isLessThanOrEqualTo(sentAtCancel + properties.senders());
        Broadcasts.Report report = broadcasts.report(running).orElseThrow();
        assertThat(report.status()).isEqualTo("cancelled");
        assertThat(report.sent()).isLessThan(40);
        assertThat(TELEGRAM.calls("sendMessage").stream().noneMatch(c -> "Позже".equals(c.text()))).isTrue();
        assertThat(broadcasts.cancel(running)).as("a cancelled broadcast cannot be cancelled again").isFalse();
    }

    @Test
    void aScheduledBroadcastFiresAtItsTimeAndNotBefore() {
        List<ChatAddress> chats = addParents(2);
        Instant sendAt = Instant.now().plusSeconds(3);
        long id = broadcasts.create(new Broadcasts.Request("Скоро", NEWBORNS, sendAt, "test"));
        sleep(1500);
        assertThat(TELEGRAM.messagesTo(Long.parseLong(chats.get(0).chatId()))).isEmpty();
        assertThat(broadcasts.report(id).orElseThrow().status()).isEqualTo("scheduled");
        List<FakeTelegramServer.Call> calls = TELEGRAM.awaitMessages(Long.parseLong(chats.get(0).chatId()), 1);
        assertThat(calls.get(0).atNanos()).isPositive();
        assertThat(Instant.now()).isAfterOrEqualTo(sendAt);
        awaitStatus(id, "done", Duration.ofSeconds(10));
    }

    private BroadcastWorker newWorker(String instanceId) {
        return new BroadcastWorker(instanceId, broadcasts, outbox, budget, channels, knownChats, parentProfiles,
                properties, java.time.Clock.systemUTC());
    }

    private List<ChatAddress> addParents(int n) {
        List<ChatAddress> chats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chats.add(parents.add(newChatId(), "tsentr", 0, true));
        }
        return chats;
    }

    /** Successful sendMessage calls per chat id. */
    private static Map<String, Long> deliveredCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (FakeTelegramServer.Call call : TELEGRAM.calls("sendMessage")) {
            counts.merge(call.chatId(), 1L, Long::sum);
        }
        return counts;
    }

    private Broadcasts.Report awaitStatus(long id, String status, Duration timeout) {
        return BroadcastReports.awaitStatus(broadcasts, id, status, timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
