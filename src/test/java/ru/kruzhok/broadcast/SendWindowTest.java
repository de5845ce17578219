package ru.kruzhok.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    void sendersRacingForTheWindowNeverPutMoreThanTheLimitIntoAnyWindow() throws Exception {
        long window = TimeUnit.MILLISECONDS.toNanos(100);
        SendWindow guard = new SendWindow(3, window, System::nanoTime);
        List<Long> left = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int s = 0; s < 4; s++) {
            senders.submit(() -> {
                for (int i = 0; i < 4; i++) {
                    guard.enter();
                    left.add(System.nanoTime());
                }
                return null;
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Long> times = new ArrayList<>(left);
        Collections.sort(times);
        assertThat(times).hasSize(16);
        for (int i = 0; i + 3 < times.size(); i++) {
            assertThat(times.get(i + 3) - times.get(i)).as("calls %d and %d", i, i + 3).isGreaterThanOrEqualTo(window);
        }
    }
}
