package ru.kruzhok.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.StandaloneApplication;
import ru.kruzhok.support.TcpProxy;
import ru.kruzhok.support.TestParents;

/**
 * The database goes away for 15 s under a running bot (every connection dropped, new ones refused)
 * and comes back: health says DOWN, then UP again by itself; a parent who writes meanwhile gets a
 * kind «попробуйте через минуту» or the answer afterwards, and the bot goes on answering; an
 * announcement under way at the cut resumes and reaches every parent exactly once.
 */
class DatabaseOutageTest {

    private static final String SORRY_PART = "через минуту";
    private static final String ADMIN_TOKEN = "outage-admin-token-0123456789";

    private static long announced(FakeTelegramServer telegram, long parent) {
        return telegram.deliveredTo(parent).stream().filter(c -> String.valueOf(c.text()).contains("при сбое")).count();
    }

    @Test
    void aFifteenSecondOutageIsReportedAndRiddenOut() throws Exception {
        Path dir = StandaloneApplication.newDataDir("outage-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true).start();
             TcpProxy proxy = new TcpProxy(postgres.getPort());
             FakeTelegramServer telegram = new FakeTelegramServer();
             StandaloneApplication app = StandaloneApplication.start(dir, Map.of(
                     "kruzhok.database.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                     "kruzhok.database.user", "postgres",
                     "kruzhok.telegram.token", FakeTelegramServer.TOKEN,
                     "kruzhok.telegram.api-url", telegram.url(),
                     "kruzhok.telegram.poll-timeout", "1s",
                     "kruzhok.telegram.standby-retry", "1s",
                     "kruzhok.admin.api-token", ADMIN_TOKEN,
                     "kruzhok.broadcast.lease", "30s", // longer than the outage, as the default 60 s is
                     // slow enough that the announcement is still going when the database goes
                     "kruzhok.broadcast.limits.telegram.per-second", "4",
                     "kruzhok.broadcast.limits.telegram.headroom", "0.5"))) {
            assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200);
            telegram.sendText(1001, "/start");
            List<String> expected = telegram.awaitDelivered(1001, 1).stream().map(Call::text).toList();
            TestParents parents = new TestParents(new JdbcTemplate(postgres.getPostgresDatabase()));
            List<Long> audience = new ArrayList<>();
            for (long chat = 5001; chat <= 5040; chat++) {
                parents.add(chat, "tsentr", 0, true);
                audience.add(chat);
            }
            assertThat(app.postJson("/api/admin/broadcasts", Map.of("text", "Объявление при сбое",
                    "audience", Map.of("ages", List.of(0, 0))), "Authorization", "Bearer " + ADMIN_TOKEN).statusCode())
                    .isEqualTo(201);
            telegram.await(calls -> calls.stream().filter(c -> String.valueOf(c.text()).contains("при сбое")).count() >= 5,
                    Duration.ofSeconds(30));

            long cutAt = System.nanoTime();
            proxy.cut();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> app.get("/actuator/health").statusCode() == 503);
            HttpResponse<String> down = app.get("/actuator/health");
            assertThat(StandaloneApplication.json(down).path("status").asText()).isEqualTo("DOWN");
            telegram.sendText(1002, "/start"); // a parent writes while the database is away

            long left = Duration.ofSeconds(15).toNanos() - (System.nanoTime() - cutAt);
            Thread.sleep(Math.max(0, left / 1_000_000)); // the outage lasts 15 s whatever the bot does
            proxy.restore();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> app.get("/actuator/health").statusCode() == 200);
            double upAfter = (System.nanoTime() - cutAt) / 1e9 - 15;
            List<Call> duringOutage = telegram.awaitDelivered(1002, 1);
            assertThat(duringOutage.get(0).text()).satisfiesAnyOf(
                    text -> assertThat(text).contains(SORRY_PART),
                    text -> assertThat(text).isEqualTo(expected.get(0)));

            telegram.sendText(1003, "/start");
            assertThat(telegram.awaitDelivered(1003, expected.size()).stream().map(Call::text).toList())
                    .as("answered as before the outage").isEqualTo(expected);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && audience.stream().anyMatch(p -> announced(telegram, p) == 0)) {
                Thread.sleep(250);
            }
            Thread.sleep(2_000); // a second copy would come now
            Map<Long, Long> counts = new java.util.TreeMap<>();
            audience.forEach(p -> counts.put(p, announced(telegram, p)));
            assertThat(counts.values().stream().filter(n -> n != 1).count())
                    .as("parents without the announcement or with two: %s", counts).isZero();
            System.out.printf("[reliability] database away 15 s: health UP again %.1f s after it came back; "
                    + "the parent who wrote meanwhile got: %s; "
                    + "%d parents announced across the outage, each once%n", upAfter,
                    duringOutage.get(0).text().contains(SORRY_PART) ? "«попробуйте через минуту»" : "the answer",
                    audience.size());
        }
    }
}
