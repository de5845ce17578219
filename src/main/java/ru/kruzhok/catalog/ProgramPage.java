package ru.kruzhok.catalog;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total            how many programs match in all
 * @param relaxSuggestion  only when nothing matched: a filter whose removal finds programs (cost, district,
 *                         text, direction, ОВЗ, age are tried in that order), or null when none helps
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
