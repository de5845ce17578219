package ru.kruzhok.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ru.kruzhok.faq.FaqMatcher;
import ru.kruzhok.faq.SyntheticKnowledgeBase;

/**
 * Matching time per question with 300 topics × 20 paraphrases (design.md §4: p99 < 5 ms).
 * Run: {@code mvn -B -q test -Dtest=FaqMatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class FaqMatchBenchmark {

    private static final int WARMUP = 5_000;
    private static final int MEASURED = 30_000;

    @Test
    void matchingP99StaysUnderFiveMilliseconds() {
        long built = System.nanoTime();
        SyntheticKnowledgeBase kb = new SyntheticKnowledgeBase(300, 20, 42);
        double buildMs = (System.nanoTime() - built) / 1e6;
        FaqMatcher matcher = kb.matcher();
        List<String> questions = kb.questions();

        for (int i = 0; i < WARMUP; i++) {
            matcher.match(questions.get(i % questions.size()), "tsentr");
        }
        // Every measured question gets a fresh random typo, so the matcher's caches of corrections
        // see mostly words they have not met before.
        Random random = new Random(7);
        String[] measured = new String[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            measured[i] = SyntheticKnowledgeBase.typo(questions.get(random.nextInt(questions.size())), random);
        }
        // Wall time includes whatever else the machine runs (on a shared 2-core box, a lot); the
        // thread's CPU time is the matcher's own cost. Both are printed; the target is checked on CPU time.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[MEASURED];
        long[] cpu = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            String q = measured[i];
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            matcher.match(q, "tsentr");
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double p50 = nanos[MEASURED / 2] / 1e6;
        double p99 = nanos[(int) (MEASURED * 0.99)] / 1e6;
        double max = nanos[MEASURED - 1] / 1e6;
        double cpuP50 = cpu[MEASURED / 2] / 1e6;
        double cpuP99 = cpu[(int) (MEASURED * 0.99)] / 1e6;
        System.out.printf("FaqMatchBenchmark: %d topics, %d paraphrases, index built in %.0f ms; %d matches "
                        + "(fresh typos on %d base questions): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                matcher.topics().size(), kb.paraphraseCount(), buildMs, MEASURED, questions.size(), p50, p99, max);
        System.out.printf("FaqMatchBenchmark: CPU time per match p50 %.3f ms, p99 %.3f ms; %d distinct questions; "
                        + "load average %.1f on %d cores%n", cpuP50, cpuP99, Arrays.stream(measured).distinct().count(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        assertThat(matcher.topics()).hasSize(300);
        assertThat(cpuP99).as("p99 CPU ms per match").isLessThan(5.0);
    }
}
