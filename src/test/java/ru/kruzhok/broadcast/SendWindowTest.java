package ru.kruzhok.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import ru.kruzhok.channel.SendCounter;

class SendWindowTest {

    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(100);

    @Test
    void callsDelayedOnTheWayNeverPutMoreThanTheLimitIntoAnyWindowOfThePlatform() throws Exception {
        SendWindow guard = new SendWindow(3, WINDOW, System::nanoTime);
        // the "platform" counts a call when it arrives: anywhere between leaving and the answer
        List<Long> arrived = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int s = 0; s < 4; s++) {
            senders.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    try (SendCounter.Permit permit = guard.enter()) {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 40));
                        arrived.add(System.nanoTime());
                        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 10));
                    }
                }
                return null;
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Long> times = new ArrayList<>(arrived);
        Collections.sort(times);
        assertThat(times).hasSize(20);
        for (int i = 0; i + 3 < times.size(); i++) {
            assertThat(times.get(i + 3) - times.get(i)).as("arrivals %d and %d", i, i + 3).isGreaterThanOrEqualTo(WINDOW);
        }
    }

    @Test
    void aCallStillWaitingForItsAnswerKeepsItsPlace() throws Exception {
        long[] now = {0};
        SendWindow guard = new SendWindow(1, WINDOW, () -> now[0]);
        SendCounter.Permit first = guard.enter();
        now[0] += 10 * WINDOW;
        assertThat(guard.inWindow()).isEqualTo(1);
        first.close();
        now[0] += WINDOW - 1;
        assertThat(guard.inWindow()).as("counted for a window after its answer").isEqualTo(1);
        now[0] += 1;
        assertThat(guard.inWindow()).isZero();
        guard.enter().close();
    }
}
