package ru.kruzhok.faq;

import org.junit.jupiter.api.Test;

/**
 * A tuning aid, not a test (asserts nothing, runs only when asked): prints how questions are read and
 * ranked. {@code mvn -q test -Dtest=FaqExplainTool -Dq="вопрос один|вопрос два"}
 */
class FaqExplainTool {
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
