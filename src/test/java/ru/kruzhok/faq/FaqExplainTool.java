package ru.kruzhok.faq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A tuning aid, not a test (asserts nothing, runs only when asked): prints how questions are read and
 * ranked. {@code mvn -q test -Dtest=FaqExplainTool -Dq="вопрос один|вопрос два"}
 *
 * <p>{@code -Ddevset=src/test/resources/freetext-dev/faq-dev.tsv} scores the matcher alone on a
 * development set in seconds (the chat evaluation takes minutes): per block of lines (a block starts at
 * a comment line) right answer at once (topic first and ≥ high), right topic within one tap (first or
 * among the alternatives, ≥ low), out of scope handed over, and prints the misses. Never point it at the
 * held-out sets: they are for reporting, not tuning.
 */
class FaqExplainTool {
    @Test
    void explain() throws IOException {
        String qs = System.getProperty("q");
        if (qs != null) {
            FaqIndex index = new FaqIndex(FaqLoader.load("dialogs/faq"));
            for (String q : qs.split("\\|")) {
                System.out.println(q + " => " + index.explain(q));
                index.rank(q).stream().limit(4).forEach(c -> System.out.println("    " + c));
            }
        }
        String devset = System.getProperty("devset");
        if (devset != null) {
            score(Path.of(devset));
        }
    }

    private static void score(Path file) throws IOException {
        FaqMatcher matcher = new FaqMatcher(FaqLoader.load("dialogs/faq"), code -> java.util.Map.of(),
                new FaqProperties(0.40, 0.32, "dialogs/faq"));
        int[] all = new int[5];
        int[] block = new int[5];
        String blockName = null;
        StringBuilder misses = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                // a comment after data lines starts a new block, named by its first comment line
                if (block[0] + block[3] > 0) {
                    print(blockName, block);
                    block = new int[5];
                    blockName = null;
                }
                if (blockName == null) {
                    blockName = line;
                }
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 2) {
                continue;
            }
            FaqMatcher.Match m = matcher.match(f[0], null);
            if (f[1].equals("-")) {
                block[3]++;
                // as the chat's rule reads it (docs/faq.md, rows 3, 4 and 9): handed over, or an out-of-scope kind
                // clearly closer than the topic
                // (row 3, «Найти кружок» opens a search, comes first)
                boolean handed = m.decision() == FaqMatcher.Decision.HANDOVER || !"program.search".equals(m.topic())
                        && m.outsideKind().filter(o -> o.confidence() >= 0.4 && o.confidence() >= m.confidence() + 0.05)
                        .isPresent();
                if (handed) {
                    block[4]++;
                } else {
                    misses.append("  OUT ").append(f[0]).append(" -> ").append(m.topic()).append(' ').append(m.confidence()).append(' ').append(m.outside()).append('\n');
                }
                continue;
            }
            block[0]++;
            boolean once = f[1].equals(m.topic()) && m.decision() == FaqMatcher.Decision.ANSWER;
            boolean tap = once || (m.decision() == FaqMatcher.Decision.SUGGEST && (f[1].equals(m.topic())
                    || m.alternatives().stream().limit(2).anyMatch(a -> a.topic().equals(f[1]))));
            if (once) {
                block[1]++;
            }
            if (tap) {
                block[2]++;
            }
            if (!once) {
                misses.append(tap ? "  TAP " : "  MISS ").append(f[0]).append(" (want ").append(f[1]).append(") -> ")
                        .append(m.topic()).append(' ').append(m.confidence()).append(' ').append(m.decision())
                        .append(' ').append(m.alternatives().stream().map(a -> a.topic() + " " + a.confidence()).toList())
                        .append('\n');
            }
        }
        print(blockName, block);
        System.out.print(misses);
    }

    private static void print(String name, int[] b) {
        System.out.printf("%s%n  at once %d/%d = %.1f%%, one tap %d/%d = %.1f%%, out handed %d/%d%n", name,
                b[1], b[0], 100.0 * b[1] / Math.max(1, b[0]), b[2], b[0], 100.0 * b[2] / Math.max(1, b[0]), b[4], b[3]);
    }

}
