package ru.kruzhok.catalog;

import java.util.List;

/**
 * What an import did. With rejected rows and no {@code partial}, or when it stopped to ask
 * ({@link #needsConfirmation()}), nothing changed: created, updated and deactivated are 0.
 *
 * @param deactivated programs of the file's municipalities that the file no longer lists
 */
public record ImportResult(int created, int updated, int deactivated, List<RejectedRow> rejected,
                           List<Hiding> wouldHide) {

    public ImportResult {
        rejected = List.copyOf(rejected);
        wouldHide = wouldHide == null ? List.of() : List.copyOf(wouldHide);
    }

    public ImportResult(int created, int updated, int deactivated, List<RejectedRow> rejected) {
        this(created, updated, deactivated, rejected, List.of());
    }

    /** True when the import stopped to ask first: it would hide too many programs. Nothing changed. */
    public boolean needsConfirmation() {
        return !wouldHide.isEmpty();
    }

    /** A municipality where a full import would hide {@code hidden} of its {@code active} programs. */
    public record Hiding(String municipality, int active, int hidden) {
    }

    /** A row that was not imported; {@code row} is numbered as the spreadsheet shows it (header = 1). */
    public record RejectedRow(int row, String reason) {
    }
}
