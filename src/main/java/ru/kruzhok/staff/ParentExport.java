package ru.kruzhok.staff;

import java.util.List;
import java.util.Set;

/**
 * The list of known parents, supplied by the parent feature: a header and rows, in Russian, as the
 * admin CSV ({@code GET /api/admin/parents.csv}) and /export write them. The staff feature checks
 * the admin token or the staff role, audits the export and writes the file.
 */
public interface ParentExport {

    List<String> header();

    /** @param municipalities the codes to include, or empty for every parent */
    List<List<String>> rows(Set<String> municipalities);

    default List<List<String>> rows() {
        return rows(Set.of());
    }
}
