package ru.kruzhok.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.broadcast.Broadcasts;
import ru.kruzhok.broadcast.SendBudget;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.support.FakePlatformServer;

/**
 * One broadcast benchmark run on a messenger other than Telegram: {@code -Dbench.parents}
 * (default 3,000) parents of {@code channel}, the fake server refusing every call over the
 * platform's limit in any sliding second, the channel's own declared limits; a new parent starts
 * the bot every 5 s meanwhile ({@code -Dbench.interactive=false}: none). Prints the sustained rate against the limit, limit errors,
 * duplicates, losses and the start-reply latency.
 */
final class MessengerBroadcastRun {

    private MessengerBroadcastRun() {
    }

    static void run(String channel, int platformLimit, FakePlatformServer server, JdbcTemplate jdbc,
                    Broadcasts broadcasts, SendBudget budget, LongSupplier newChatId, LongConsumer startNewParent)
            throws InterruptedException {
        int count = Integer.getInteger("bench.parents", 3_000);
        server.reset();
        budget.override(channel, null);
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chats.add(String.valueOf(newChatId.getAsLong()));
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                insert into parent(channel, chat_id, municipality, consent_at, notifications, created_at, updated_at)
                values (?, ?, 'tsentr', ?, true, ?, ?)
                """, chats, 1000, (ps, chat) -> {
            ps.setString(1, channel);
            ps.setString(2, chat);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
        });
        // children born 1 year before the benchmark's year: "ages [1, 1]" selects exactly these parents
        jdbc.update("insert into child(parent_id, birth_year) select id, ? from parent where channel = ? and chat_id = any(?)",
                Year.now().getValue() - 1, channel, chats.toArray(String[]::new));

        server.enforceRate(platformLimit);
        String text = "Бенчмарк рассылки " + channel;
        long started = System.nanoTime();
        long id = broadcasts.create(new Broadcasts.Request(text, new AudienceFilter(null, 1, 1, null), null, "bench"));
        List<Long> startLatenciesMs = new ArrayList<>();
        while (!broadcasts.report(id).orElseThrow().status().equals("done")) {
            Thread.sleep(5000);
            if (broadcasts.report(id).orElseThrow().status().equals("done")) {
                break;
            }
            if (!Boolean.parseBoolean(System.getProperty("bench.interactive", "true"))) {
                continue;
            }
            long parent = newChatId.getAsLong();
            long sent = System.nanoTime();
            startNewParent.accept(parent);
            server.awaitDelivered(String.valueOf(parent), 1);
            startLatenciesMs.add((System.nanoTime() - sent) / 1_000_000);
            if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                throw new AssertionError("benchmark did not finish in 30 minutes");
            }
        }

        List<FakePlatformServer.Call> sends = server.calls("send").stream().filter(c -> text.equals(c.text())).toList();
        Map<String, Integer> perChat = new HashMap<>();
        sends.forEach(c -> perChat.merge(c.chatId(), 1, Integer::sum));
        long duplicates = perChat.values().stream().filter(n -> n > 1).count();
        long lost = chats.stream().filter(c -> !perChat.containsKey(c)).count();
        double seconds = (sends.get(sends.size() - 1).atNanos() - sends.get(0).atNanos()) / 1e9;
        double rate = (sends.size() - 1) / seconds;
        Broadcasts.Report report = broadcasts.report(id).orElseThrow();
        System.out.printf("""
                        %s BROADCAST BENCHMARK: %d parents, platform limit %d requests/s
                          sustained rate      %.2f messages/s = %.1f %% of the limit (target >= 97 %%)
                          limit errors        %d (target 0)
                          duplicates          %d (target 0)
                          lost                %d (target 0)
                          report              sent=%d blocked=%d failed=%d total=%d
                          start replies       %d measured, max %d ms, all %s ms
                        """, channel.toUpperCase(), count, platformLimit, rate, 100 * rate / platformLimit,
                server.rateRejections(), duplicates, lost, report.sent(), report.blocked(), report.failed(),
                report.total(), startLatenciesMs.size(),
                startLatenciesMs.stream().mapToLong(Long::longValue).max().orElse(-1), startLatenciesMs);
        // where the refusals came from: a bulk message or a reply, and how busy the second before it was
        long first = sends.get(0).atNanos();
        List<FakePlatformServer.Call> all = server.calls();
        for (FakePlatformServer.Call refused : all.stream().filter(c -> c.method().endsWith("#429")).toList()) {
            long inSecond = all.stream().filter(c -> List.of("send", "edit", "answer").contains(c.method())
                    && c.atNanos() <= refused.atNanos() && refused.atNanos() - c.atNanos() < 1_000_000_000L).count();
            System.out.printf("  refused at %7.3f s: %s %s, %d accepted in the second before%n",
                    (refused.atNanos() - first) / 1e9, refused.method(),
                    text.equals(refused.text()) ? "bulk" : "reply", inSecond);
        }
        server.enforceRate(0);
    }
}
