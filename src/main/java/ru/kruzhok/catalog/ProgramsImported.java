package ru.kruzhok.catalog;

import java.util.List;
import java.util.Set;

/**
 * Published after an import that added programs has committed, so saved searches («Сообщать о
 * новых») can tell parents about them: {@code ProgramSearch.search(savedQuery.withIds(newProgramIds))}.
 */
public record ProgramsImported(Set<String> municipalities, List<Long> newProgramIds) {
    public ProgramsImported {
        municipalities = Set.copyOf(municipalities);
        newProgramIds = List.copyOf(newProgramIds);
    }
}
