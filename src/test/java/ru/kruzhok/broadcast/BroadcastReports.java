package ru.kruzhok.broadcast;

import java.time.Duration;

/** Waiting in tests for a broadcast to reach a status, as staff watching its report would. */
final class BroadcastReports {

    private BroadcastReports() {
    }

    static Broadcasts.Report awaitStatus(Broadcasts broadcasts, long id, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Broadcasts.Report report = broadcasts.report(id).orElseThrow();
            if (report.status().equals(status)) {
                return report;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("broadcast " + id + " is " + report);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
