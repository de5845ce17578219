package ru.kruzhok.faq;

import org.junit.jupiter.api.Test;

/** Prints how questions are read: -Dq="…|…" (a tuning aid, asserts nothing). */
class FaqExplainScratch {
    @Test
    void explain() {
        String qs = System.getProperty("q");
        if (qs == null) {
            return;
        }
        FaqIndex index = new FaqIndex(FaqLoader.load("dialogs/faq"));
        for (String q : qs.split("\\|")) {
            System.out.println(q + " => " + index.explain(q));
            index.rank(q).stream().limit(4).forEach(c -> System.out.println("    " + c));
        }
    }
}
