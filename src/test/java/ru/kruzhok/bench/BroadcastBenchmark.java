package ru.kruzhok.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.broadcast.Broadcasts;
import ru.kruzhok.broadcast.SendBudget;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.IntegrationTest;

/**
 * A broadcast to {@code -Dbench.parents} (default 10,000) parents through the fake Bot API enforcing
 * Telegram's 30 messages a second (429 above it), with the production send limits; meanwhile a
 * new parent sends /start every few seconds. Prints the sustained rate, 429s, duplicates, losses
 * and the /start latency. Run:
 * {@code mvn -B test -Dtest=BroadcastBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.parents=10000}
 */
class BroadcastBenchmark extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Broadcasts broadcasts;
    @Autowired SendBudget budget;

    @Test
    void broadcastAtTelegramsLimit() throws Exception {
        int count = Integer.getInteger("bench.parents", 10_000);
        TELEGRAM.reset();
        budget.override("telegram", null);
        // children born 1 year before the benchmark's year: no other parent matches "ages [1, 1]" here
        List<String> chats = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            chats.add(String.valueOf(newChatId()));
        }
        jdbc.batchUpdate("""
                insert into parent(channel, chat_id, municipality, consent_at, notifications, created_at, updated_at)
                values ('telegram', ?, 'tsentr', ?, true, ?, ?)
                """, chats, 1000, (ps, chat) -> {
            ps.setString(1, chat);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
        });
        jdbc.update("""
                insert into child(parent_id, birth_year)
                select id, ? from parent where chat_id = any(?)
                """, Year.now().getValue() - 1, chats.toArray(String[]::new));

        TELEGRAM.enforceRate(30);
        String text = "Бенчмарк рассылки";
        long started = System.nanoTime();
        long id = broadcasts.create(new Broadcasts.Request(text, new AudienceFilter(null, 1, 1, null), null, "bench"));

        List<Long> startLatenciesMs = new ArrayList<>();
        while (!broadcasts.report(id).orElseThrow().status().equals("done")) {
            Thread.sleep(5000);
            if (broadcasts.report(id).orElseThrow().status().equals("done")) {
                break;
            }
            long parent = newChatId();
            long sent = System.nanoTime();
            TELEGRAM.sendText(parent, "/start");
            TELEGRAM.awaitMessages(parent, 1);
            startLatenciesMs.add((System.nanoTime() - sent) / 1_000_000);
            if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                throw new AssertionError("benchmark did not finish in 30 minutes");
            }
        }

        List<FakeTelegramServer.Call> sends = TELEGRAM.calls("sendMessage").stream()
                .filter(c -> text.equals(c.text())).toList();
        Map<String, Integer> perChat = new HashMap<>();
        sends.forEach(c -> perChat.merge(c.chatId(), 1, Integer::sum));
        long duplicates = perChat.values().stream().filter(n -> n > 1).count();
        long lost = chats.stream().filter(c -> !perChat.containsKey(c)).count();
        double seconds = (sends.get(sends.size() - 1).atNanos() - sends.get(0).atNanos()) / 1e9;
        double rate = (sends.size() - 1) / seconds;
        long maxStart = startLatenciesMs.stream().mapToLong(Long::longValue).max().orElse(-1);
        Broadcasts.Report report = broadcasts.report(id).orElseThrow();

        System.out.printf("""
                        BROADCAST BENCHMARK: %d parents
                          sustained rate      %.2f messages/s (target >= 28.5)
                          429 from the fake   %d (target 0)
                          duplicates          %d (target 0)
                          lost                %d (target 0)
                          report              sent=%d blocked=%d failed=%d total=%d
                          /start replies      %d measured, max %d ms, all %s ms (target < 1000)
                        """, count, rate, TELEGRAM.rateRejections(), duplicates, lost,
                report.sent(), report.blocked(), report.failed(), report.total(),
                startLatenciesMs.size(), maxStart, startLatenciesMs);
        TELEGRAM.enforceRate(0);
    }
}
