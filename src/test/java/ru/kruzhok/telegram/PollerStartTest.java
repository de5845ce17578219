package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.FakeTelegramServer.Call;
import ru.kruzhok.support.StandaloneApplication;

/**
 * Parents wrote while the bot was down; the Bot API (an emulator that forgets an update as soon as
 * it was handed out) holds their messages. After start every one is answered, once: the poller asks
 * for nothing before the application can handle it.
 */
class PollerStartTest {

    @Test
    void updatesQueuedWhileTheBotWasDownAreAllAnsweredOnceAfterStart() throws Exception {
        try (FakeTelegramServer telegram = new FakeTelegramServer()) {
            telegram.forgetOnceFetched(true);
            List<Long> parents = List.of(2001L, 2002L, 2003L, 2004L, 2005L);
            for (long parent : parents) {
                telegram.sendText(parent, "/start");
            }
            try (StandaloneApplication app = StandaloneApplication.start(StandaloneApplication.newDataDir("queued-"), Map.of(
                    "kruzhok.telegram.token", FakeTelegramServer.TOKEN,
                    "kruzhok.telegram.api-url", telegram.url(),
                    "kruzhok.telegram.poll-timeout", "1s"))) {
                for (long parent : parents) {
                    telegram.awaitDelivered(parent, 1);
                }
                telegram.awaitPollerIdle();
                List<String> first = telegram.deliveredTo(parents.get(0)).stream().map(Call::text).toList();
                for (long parent : parents) {
                    assertThat(telegram.deliveredTo(parent).stream().map(Call::text).toList())
                            .as("chat %s: the /start answer, once", parent).isEqualTo(first);
                }
            }
        }
    }
}
