package ru.kruzhok.bench;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.broadcast.Broadcasts;
import ru.kruzhok.broadcast.SendBudget;
import ru.kruzhok.support.IntegrationTest;

/**
 * A broadcast to VK parents through the fake VK API enforcing a community token's 20 requests a
 * second (error 6 above it). Run:
 * {@code mvn -B test -Dtest=VkBroadcastBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.parents=3000}
 */
class VkBroadcastBenchmark extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Broadcasts broadcasts;
    @Autowired SendBudget budget;

    @Test
    void broadcastAtVksLimit() throws Exception {
        MessengerBroadcastRun.run("vk", 20, VK, jdbc, broadcasts, budget, IntegrationTest::newChatId,
                parent -> VK.start(parent, null));
    }
}
