package ru.kruzhok.faq;

import java.util.List;

/** The knowledge base has mistakes; the message lists each as {@code file:line: what is wrong}. */
class FaqFileException extends IllegalStateException {

    private final List<String> problems;

    FaqFileException(List<String> problems) {
        super("dialogs/faq has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
