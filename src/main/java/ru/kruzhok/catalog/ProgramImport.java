package ru.kruzhok.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.municipality.Municipalities;

/**
 * Imports programs from a CSV or XLSX file as a МОЦ exports it from the Navigator: upsert by
 * external id; in a full import, the programs of the file's municipalities that the file no longer
 * lists become inactive (never deleted: old cards and saved searches still point to them). A file
 * with bad rows changes nothing unless {@code partial}. Used by the admin HTTP API and by staff
 * sending a file to the bot with the caption /import.
 */
@Service
public class ProgramImport {

    private static final Logger log = LoggerFactory.getLogger(ProgramImport.class);
    /** Above this many new rows, vacuum and analyze right away instead of waiting for autovacuum. */
    private static final int ANALYZE_AFTER = 1_000;

    /**
     * @param partial              import the good rows even when some are rejected
     * @param full                 the file is the whole catalog of its municipalities: deactivate what it lacks
     * @param defaultMunicipality  municipality code for rows that name none (e.g. the importing staff member's)
     * @param askBeforeHiding      stop, changing nothing, when a full import would hide more than a tenth of
     *                             a municipality's programs; the result lists them
     */
    public record Options(boolean partial, boolean full, String defaultMunicipality, boolean askBeforeHiding) {
        public Options(boolean partial, boolean full, String defaultMunicipality) {
            this(partial, full, defaultMunicipality, false);
        }

        public static Options defaults() {
            return new Options(false, true, null);
        }

        /** The same import, with hiding confirmed. */
        public Options confirmed() {
            return new Options(partial, full, defaultMunicipality, false);
        }
    }

    /** A full import hiding more than this share of a municipality's programs asks first (in the chat). */
    static final double ASK_ABOVE_SHARE = 0.1;
    /** How many imports can be undone, newest first. */
    static final int KEPT_SNAPSHOTS = 3;

    private final ProgramStore store;
    private final Municipalities municipalities;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ProgramSearch search;

    ProgramImport(ProgramStore store, Municipalities municipalities, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, Clock clock, ProgramSearch search) {
        this.store = store;
        this.municipalities = municipalities;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.search = search;
    }

    /** A full import; see {@link #importFile(String, byte[], Options)}. */
    public ImportResult importFile(String fileName, byte[] content, boolean partial) {
        return importFile(fileName, content, new Options(partial, true, null));
    }

    /**
     * @throws ImportFileException when the file as a whole is unusable (not a table, no header,
     *                             a required column missing, no rows); its message is for staff
     */
    public ImportResult importFile(String fileName, byte[] content, Options options) {
        long started = System.nanoTime();
        String defaultMunicipality = options.defaultMunicipality();
        if (defaultMunicipality != null && !municipalities.exists(defaultMunicipality)) {
            throw new ImportFileException("Неизвестный муниципалитет «" + defaultMunicipality + "».");
        }
        ImportRows.Parsed parsed = new ImportRows(municipalities, defaultMunicipality)
                .parse(SpreadsheetReader.read(fileName, content));
        long read = System.nanoTime();
        if (!parsed.rejected().isEmpty() && !options.partial()) {
            log.info("Catalog import refused: {} of {} rows rejected, nothing changed",
                    parsed.rejected().size(), parsed.dataRows());
            return new ImportResult(0, 0, 0, parsed.rejected());
        }
        Set<String> fileMunicipalities = new LinkedHashSet<>();
        parsed.programs().forEach(p -> fileMunicipalities.add(p.municipality()));
        Instant now = clock.instant();
        long[] snapshotNanos = {0};
        Stored stored = transaction.execute(status -> {
            store.lock();
            Map<String, Integer> activeBefore = store.activeCounts(fileMunicipalities);
            store.stage(parsed.programs());
            long snapshotStarted = System.nanoTime();
            long snapshot = store.snapshot(fileMunicipalities, now, KEPT_SNAPSHOTS);
            snapshotNanos[0] = System.nanoTime() - snapshotStarted;
            ProgramStore.Upserted upserted = store.merge(now);
            if (options.full() && options.askBeforeHiding()) {
                List<ImportResult.Hiding> hiding = tooMuchHidden(activeBefore,
                        store.missingCounts(fileMunicipalities, parsed.rejectedIds()));
                if (!hiding.isEmpty()) {
                    status.setRollbackOnly();
                    return new Stored(new ProgramStore.Upserted(List.of(), 0), 0, false, hiding);
                }
            }
            store.createdBy(snapshot, upserted.createdIds());
            int deactivated = options.full()
                    ? store.deactivateMissing(fileMunicipalities, parsed.rejectedIds(), now) : 0;
            boolean changed = !upserted.createdIds().isEmpty() || upserted.updated() > 0 || deactivated > 0;
            if (changed) {
                store.refreshWords();
                store.refreshSearchTable();
            }
            return new Stored(upserted, deactivated, changed, List.of());
        });
        if (!stored.wouldHide.isEmpty()) {
            log.info("Catalog import stopped to ask: it would hide {}", stored.wouldHide);
            return new ImportResult(0, 0, 0, parsed.rejected(), stored.wouldHide);
        }
        long storedAt = System.nanoTime();
        if (stored.changed) {
            search.catalogChanged();
        }
        if (stored.upserted.createdIds().size() > ANALYZE_AFTER) {
            store.vacuumAnalyze();
        } else if (stored.changed) {
            store.vacuumSearchTable();
        }
        ImportResult result = new ImportResult(stored.upserted.createdIds().size(), stored.upserted.updated(),
                stored.deactivated, parsed.rejected());
        long done = System.nanoTime();
        log.info("Catalog import: {} created, {} updated, {} deactivated, {} rejected in {} ms "
                        + "(reading {} ms, storing {} ms of which the undo snapshot {} ms, vacuum {} ms)", result.created(),
                result.updated(), result.deactivated(), result.rejected().size(), (done - started) / 1_000_000,
                (read - started) / 1_000_000, (storedAt - read) / 1_000_000, snapshotNanos[0] / 1_000_000,
                (done - storedAt) / 1_000_000);
        // After commit, so a listener that searches for the new programs finds them.
        if (!stored.upserted.createdIds().isEmpty()) {
            events.publishEvent(new ProgramsImported(fileMunicipalities, stored.upserted.createdIds()));
        }
        return result;
    }

    /** Imports a bundled file only when the catalog has never had a program; empty when it had. */
    Optional<ImportResult> importIfEmpty(String fileName, byte[] content) {
        Boolean empty = transaction.execute(status -> store.empty());
        if (!Boolean.TRUE.equals(empty)) {
            return Optional.empty();
        }
        return Optional.of(importFile(fileName, content, Options.defaults()));
    }

    private static List<ImportResult.Hiding> tooMuchHidden(Map<String, Integer> active, Map<String, Integer> missing) {
        List<ImportResult.Hiding> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(missing).entrySet()) {
            int before = active.getOrDefault(e.getKey(), 0);
            if (before > 0 && e.getValue() > before * ASK_ABOVE_SHARE) {
                out.add(new ImportResult.Hiding(e.getKey(), before, e.getValue()));
            }
        }
        return out;
    }

    /** What an undo did. */
    public record Undone(Instant importedAt, List<String> municipalities, int restored, int hidden) {
    }

    /**
     * Puts the catalog back as it was before the last import that is not undone yet, if it touched
     * only {@code allowed} municipalities (null: any, for admins). Programs it created are hidden,
     * programs it changed or hid get their previous rows back.
     */
    public Optional<Undone> undoLast(Set<String> allowed) {
        Optional<Undone> undone = transaction.execute(status -> {
            store.lock();
            Optional<ProgramStore.LastImport> last = store.lastImport();
            if (last.isEmpty() || (allowed != null && !allowed.containsAll(last.get().municipalities()))) {
                return Optional.<Undone>empty();
            }
            int[] counts = store.restore(last.get().id(), clock.instant());
            store.refreshWords();
            store.refreshSearchTable();
            return Optional.of(new Undone(last.get().at(), last.get().municipalities(), counts[0], counts[1]));
        });
        if (undone.isPresent()) {
            search.catalogChanged();
            store.vacuumSearchTable();
            log.info("Catalog import undone: {} restored, {} hidden", undone.get().restored(), undone.get().hidden());
        }
        return undone;
    }

    private record Stored(ProgramStore.Upserted upserted, int deactivated, boolean changed,
                          List<ImportResult.Hiding> wouldHide) {
    }
}
