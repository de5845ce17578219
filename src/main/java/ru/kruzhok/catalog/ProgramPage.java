package ru.kruzhok.catalog;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total            how many programs match in all
 * @param relaxSuggestion  only when nothing matched: the filter whose removal finds the most programs,
 *                         or null when relaxing no single filter helps
 */
public record ProgramPage(long total, List<Program> items, int page, int size, RelaxSuggestion relaxSuggestion) {

    public ProgramPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** Drop {@code filter} and {@code total} programs match. */
    public record RelaxSuggestion(SearchFilter filter, long total) {
    }
}
