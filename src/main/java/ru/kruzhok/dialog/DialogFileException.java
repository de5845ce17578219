package ru.kruzhok.dialog;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Files under {@code dialogs/} that cannot be used: every problem found, each as
 * {@code file:line: what is wrong}, in words a methodist can act on. The flows, the FAQ and the
 * surveys and the search vocabulary all report through it, so /reload shows every problem at once,
 * one a line. An {@link IllegalStateException}: the application cannot start with such files.
 */
public class DialogFileException extends IllegalStateException {

    /** One problem: where it is and what is wrong. */
    public record Problem(String file, int line, String what) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + what;
        }
    }

    private final List<Problem> problems;

    public DialogFileException(String file, int line, String problem) {
        this(List.of(new Problem(file, line, problem)));
    }

    public DialogFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    /** Throws the problems a loader collected ({@link YamlReader#collecting}), if there are any. */
    public static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new DialogFileException(problems);
        }
    }

    /**
     * Reads one part of a file (a file, a step, a question) with a reader that stops at its first
     * problem: that problem joins {@code problems} and the caller goes on with the next part, so each
     * broken part is reported at once. Empty when the part had a problem.
     */
    public static <T> Optional<T> collect(List<Problem> problems, Supplier<T> part) {
        try {
            return Optional.ofNullable(part.get());
        } catch (DialogFileException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    public List<Problem> problems() {
        return problems;
    }

    public String file() {
        return problems.get(0).file();
    }

    public int line() {
        return problems.get(0).line();
    }
}
