package ru.kruzhok.staff;

import java.util.List;
import java.util.Set;

import ru.kruzhok.channel.OutgoingFile;

/**
 * A file staff can take away with /export, offered by the feature that owns the data (the parent
 * list, the questions log, survey results). The staff feature checks the role, decides the
 * municipalities and sends the files; the feature only writes them, in Russian.
 */
public interface StaffExport {

    /** What this feature offers now (a survey export per survey). */
    List<Offer> offers();

    /**
     * The files of one offer.
     *
     * @param municipalities the municipality codes to include, or empty for everything (admins)
     * @return one file, or one per municipality where the data is kept apart by municipality
     */
    List<OutgoingFile> files(String name, Set<String> municipalities);

    /**
     * @param name  the word after /export («parents»)
     * @param title what it is, in Russian («Список родителей»)
     */
    record Offer(String name, String title) {
    }
}
