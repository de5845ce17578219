package ru.kruzhok.staff;

import java.util.List;

/**
 * The admin CSV export of known parents ({@code GET /api/admin/parents.csv}): a header and rows,
 * supplied by the parent feature. The staff feature checks the admin token, audits the export and
 * writes the CSV.
 */
public interface ParentExport {

    List<String> header();

    List<List<String>> rows();
}
