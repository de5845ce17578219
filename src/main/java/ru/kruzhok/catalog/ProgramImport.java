package ru.kruzhok.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
     */
    public record Options(boolean partial, boolean full, String defaultMunicipality) {
        public static Options defaults() {
            return new Options(false, true, null);
        }
    }

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
        Stored stored = transaction.execute(status -> {
            store.lock();
            ProgramStore.Upserted upserted = store.upsert(parsed.programs(), now);
            int deactivated = options.full()
                    ? store.deactivateMissing(fileMunicipalities, parsed.rejectedIds(), now) : 0;
            boolean changed = !upserted.createdIds().isEmpty() || upserted.updated() > 0 || deactivated > 0;
            if (changed) {
                store.refreshWords();
                store.refreshSearchTable();
            }
            return new Stored(upserted, deactivated, changed);
        });
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
                        + "(reading {} ms, storing {} ms, vacuum {} ms)", result.created(), result.updated(),
                result.deactivated(), result.rejected().size(), (done - started) / 1_000_000,
                (read - started) / 1_000_000, (storedAt - read) / 1_000_000, (done - storedAt) / 1_000_000);
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

    private record Stored(ProgramStore.Upserted upserted, int deactivated, boolean changed) {
    }
}
