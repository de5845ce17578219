package ru.kruzhok.bench;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.broadcast.Broadcasts;
import ru.kruzhok.broadcast.SendBudget;
import ru.kruzhok.support.IntegrationTest;

/**
 * A broadcast to MAX parents through the fake MAX Bot API enforcing MAX's 30 requests a second
 * (429 above it). Run:
 * {@code mvn -B test -Dtest=MaxBroadcastBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.parents=3000}
 */
class MaxBroadcastBenchmark extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Broadcasts broadcasts;
    @Autowired SendBudget budget;

    @Test
    void broadcastAtMaxsLimit() throws Exception {
        MessengerBroadcastRun.run("max", 30, MAX, jdbc, broadcasts, budget, IntegrationTest::newChatId,
                parent -> MAX.botStarted(parent, null));
    }
}
