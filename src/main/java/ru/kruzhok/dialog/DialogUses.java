package ru.kruzhok.dialog;

import java.util.Map;
import java.util.Set;

/**
 * What a feature's Java names in {@code dialogs/}: the steps it opens, the texts it reads (with the
 * placeholders it fills in each) and the placeholders its providers fill. The validator checks every
 * declaration against the files at start-up and on /reload, so a methodist who renames a step, drops
 * a text or misspells a placeholder is told where, instead of a parent seeing a key or an empty gap.
 * A feature declares its uses as one bean: {@code @Component class FaqDialogUses implements DialogUses}.
 */
public interface DialogUses {

    /** Qualified steps ("certificate.answer") the feature opens from Java. */
    default Set<String> steps() {
        return Set.of();
    }

    /**
     * Staff flows the feature starts from Java ({@link Conversations#start}, a staff command's flow):
     * each must exist and be marked {@code staff: true}.
     */
    default Set<String> staffFlows() {
        return Set.of();
    }

    /**
     * Text keys the feature reads from the texts file, each with the placeholders Java fills in it
     * itself (beyond the municipal ones every text may use); an empty set when it fills none.
     */
    default Map<String, Set<String>> texts() {
        return Map.of();
    }

    /** The placeholders each of the feature's providers fills, by provider name. */
    default Map<String, Set<String>> providers() {
        return Map.of();
    }
}
