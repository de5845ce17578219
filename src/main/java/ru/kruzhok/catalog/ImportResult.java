package ru.kruzhok.catalog;

import java.util.List;

/**
 * What an import did. With rejected rows and no {@code partial}, nothing changed:
 * created, updated and deactivated are 0.
 *
 * @param deactivated programs of the file's municipalities that the file no longer lists
 */
public record ImportResult(int created, int updated, int deactivated, List<RejectedRow> rejected) {

    public ImportResult {
        rejected = List.copyOf(rejected);
    }

    /** A row that was not imported; {@code row} is numbered as the spreadsheet shows it (header = 1). */
    public record RejectedRow(int row, String reason) {
    }
}
