package ru.kruzhok.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes imports into the program table. Rows go into a temporary table with COPY (the fastest way
 * into PostgreSQL: 100,000 rows in seconds), then one INSERT … ON CONFLICT upserts them by external
 * id, counting as updated only rows whose content really changed. Must run inside a transaction.
 */
@Repository
class ProgramStore {

    private static final String COLUMNS = "external_id, title, description, org_name, org_address, district, "
            + "org_phone, municipality, direction, age_from, age_to, format, cost_type, price, schedule, "
            + "places_total, places_free, teacher, url, ovz";
    private static final String[] UPDATED = COLUMNS.split(", ");

    record Upserted(List<Long> createdIds, int updated) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;

    ProgramStore(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Serialises imports (and the first-start sample load) across threads and instances. */
    void lock() {
        jdbc.getJdbcOperations().queryForObject("select pg_advisory_xact_lock(hashtext('kruzhok.catalog.import'))::text",
                String.class);
    }

    boolean empty() {
        return !Boolean.TRUE.equals(jdbc.getJdbcOperations().queryForObject(
                "select exists (select 1 from program)", Boolean.class));
    }

    Upserted upsert(List<ImportedProgram> programs, Instant now) {
        stage(programs);
        return merge(now);
    }

    /** Copies the file's programs into the temporary table program_import (this transaction only). */
    void stage(List<ImportedProgram> programs) {
        jdbc.getJdbcOperations().execute("create temporary table program_import (" + """
                external_id varchar(100) not null, title text not null, description text, org_name text,
                org_address text, district text, org_phone text, municipality varchar(20) not null,
                direction varchar(20) not null, age_from smallint not null, age_to smallint not null,
                format varchar(20) not null, cost_type varchar(20) not null, price numeric(10, 2), schedule text,
                places_total integer, places_free integer, teacher text, url text, ovz boolean not null)
                on commit drop""");
        copy(programs);
    }

    /** Upserts the staged programs by external id. */
    Upserted merge(Instant now) {
        StringBuilder set = new StringBuilder();
        StringBuilder changed = new StringBuilder();
        for (String column : UPDATED) {
            if (column.equals("external_id")) {
                continue;
            }
            set.append(column).append(" = excluded.").append(column).append(", ");
            changed.append(changed.isEmpty() ? "" : ", ").append("program.").append(column);
        }
        String excluded = changed.toString().replace("program.", "excluded.");
        String sql = "insert into program (" + COLUMNS + ", active, created_at, updated_at) "
                + "select " + COLUMNS + ", true, :now, :now from program_import "
                + "on conflict (external_id) do update set " + set + "active = true, updated_at = excluded.updated_at "
                + "where (" + changed + ", program.active) is distinct from (" + excluded + ", true) "
                + "returning id, (xmax = 0) as created";
        List<Long> created = new ArrayList<>();
        int[] updated = {0};
        jdbc.query(sql, new MapSqlParameterSource("now", Timestamp.from(now)), rs -> {
            if (rs.getBoolean("created")) {
                created.add(rs.getLong("id"));
            } else {
                updated[0]++;
            }
        });
        return new Upserted(created, updated[0]);
    }

    /**
     * Deactivates the active programs of {@code municipalities} that the file (just copied into
     * program_import) does not list; {@code keptIds} are rows the file listed but that were rejected.
     */
    int deactivateMissing(Collection<String> municipalities, Collection<String> keptIds, Instant now) {
        if (municipalities.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("municipalities", municipalities)
                .addValue("now", Timestamp.from(now));
        String kept = "";
        if (!keptIds.isEmpty()) {
            kept = " and p.external_id not in (:kept)";
            params.addValue("kept", keptIds);
        }
        return jdbc.update("update program p set active = false, updated_at = :now "
                + "where p.active and p.municipality in (:municipalities)" + kept
                + " and not exists (select 1 from program_import i where i.external_id = p.external_id)", params);
    }

    /** Active programs per municipality, for the import's share-hidden check. */
    java.util.Map<String, Integer> activeCounts(Collection<String> municipalities) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        if (municipalities.isEmpty()) {
            return out;
        }
        jdbc.query("select municipality, count(*) from program where active and municipality in (:m) group by 1",
                new MapSqlParameterSource("m", municipalities), rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** Active programs per municipality that the file (in program_import) does not list, before deactivating. */
    java.util.Map<String, Integer> missingCounts(Collection<String> municipalities, Collection<String> keptIds) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        if (municipalities.isEmpty()) {
            return out;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("m", municipalities);
        String kept = "";
        if (!keptIds.isEmpty()) {
            kept = " and p.external_id not in (:kept)";
            params.addValue("kept", keptIds);
        }
        jdbc.query("select p.municipality, count(*) from program p where p.active and p.municipality in (:m)" + kept
                + " and not exists (select 1 from program_import i where i.external_id = p.external_id) group by 1",
                params, rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /**
     * Keeps the rows an import may change — every program of its municipalities and every program the
     * file lists (staged in program_import) — as they are now; returns the snapshot's id. Keeps only the {@code keep} newest.
     */
    long snapshot(Collection<String> municipalities, Instant now, int keep) {
        Long id = jdbc.queryForObject("insert into catalog_import(at, municipalities) values (:now, :m::varchar[]) returning id",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("m", municipalities.toArray(String[]::new)),
                Long.class);
        jdbc.update("""
                insert into catalog_snapshot(import_id, program_id, row)
                select :id, p.id, to_jsonb(p) - 'search_vector' from program p
                 where p.municipality = any (:m::varchar[])
                    or p.external_id in (select external_id from program_import)""",
                new MapSqlParameterSource("id", id).addValue("m", municipalities.toArray(String[]::new)));
        jdbc.update("delete from catalog_import where id not in (select id from catalog_import order by id desc limit :keep)",
                new MapSqlParameterSource("keep", keep));
        return id;
    }

    void createdBy(long importId, List<Long> createdIds) {
        jdbc.update("update catalog_import set created_ids = :ids::bigint[] where id = :id",
                new MapSqlParameterSource("id", importId).addValue("ids", createdIds.toArray(Long[]::new)));
    }

    /** The last import not undone yet: its id and municipalities. */
    java.util.Optional<LastImport> lastImport() {
        return jdbc.query("""
                select id, at, municipalities from catalog_import where undone_at is null order by id desc limit 1""",
                new MapSqlParameterSource(), rs -> rs.next()
                        ? java.util.Optional.of(new LastImport(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        java.util.List.of((String[]) rs.getArray(3).getArray())))
                        : java.util.Optional.<LastImport>empty());
    }

    record LastImport(long id, Instant at, List<String> municipalities) {
    }

    /**
     * Puts the snapshot's rows back as they were and hides the programs the import created; marks
     * the import undone. Returns {restored, hidden}.
     */
    int[] restore(long importId, Instant now) {
        StringBuilder set = new StringBuilder();
        for (String column : UPDATED) {
            set.append(column).append(" = r.").append(column).append(", ");
        }
        int restored = jdbc.update("update program p set " + set + "active = r.active, updated_at = :now "
                + "from catalog_snapshot s, jsonb_populate_record(null::program, s.row) r "
                + "where s.import_id = :id and s.program_id = p.id",
                new MapSqlParameterSource("id", importId).addValue("now", Timestamp.from(now)));
        int hidden = jdbc.update("""
                update program set active = false, updated_at = :now
                 where active and id = any (select unnest(created_ids) from catalog_import where id = :id)""",
                new MapSqlParameterSource("id", importId).addValue("now", Timestamp.from(now)));
        jdbc.update("update catalog_import set undone_at = :now where id = :id",
                new MapSqlParameterSource("id", importId).addValue("now", Timestamp.from(now)));
        return new int[] {restored, hidden};
    }

    /**
     * Rebuilds the word list typo correction draws on from the active programs (words of three
     * letters or more, no numbers); ts_stat does the tokenising, as the full text search does.
     */
    void refreshWords() {
        jdbc.getJdbcOperations().execute("delete from program_word");
        jdbc.getJdbcOperations().execute("""
                insert into program_word (word)
                select word from ts_stat($$select to_tsvector('simple', title || ' ' || coalesce(org_name, '') || ' '
                    || coalesce(description, '')) from program where active$$)
                where length(word) >= 3 and word ~ '^[[:alpha:]-]+$'""");
    }

    /**
     * Rebuilds program_search (V16), the narrow copy of the active programs free-text search reads,
     * in catalog order so that programs a query matches together lie on few pages. Rebuilt whole
     * rather than patched: patched rows would land wherever there is room and the order would decay
     * import by import; 100,000 programs take about 4 s, inside the import's transaction, so
     * searches meanwhile see the previous catalog, never a half-built one.
     */
    void refreshSearchTable() {
        jdbc.getJdbcOperations().execute("delete from program_search");
        jdbc.getJdbcOperations().execute("""
                insert into program_search (id, age_from, age_to, ovz, title_order, municipality, direction, cost_type,
                                            search_vector, district)
                select id, age_from, age_to, ovz, row_number() over (order by title, id), municipality, direction,
                       cost_type, search_vector, district
                from program where active
                order by municipality, direction, title, id""");
    }

    /**
     * Fresh planner statistics and visibility map after a big import, so the first searches get good
     * plans and counts can use index-only scans. Runs outside any transaction (VACUUM must).
     */
    void vacuumAnalyze() {
        jdbc.getJdbcOperations().execute("vacuum (analyze) program");
        vacuumSearchTable();
        // Measured: the VACUUM right after a 100,000-row import marked none of the new pages
        // all-visible, while one run a moment later marked 92 % (search p95 39 ms → 17.5 ms). The
        // horizon that holds the first back was not pinned down (a snapshot taken while the import
        // ran, e.g. by autovacuum's ANALYZE, is the suspect), so try again a few times, briefly.
        for (int attempt = 0; attempt < 3 && mostlyNotAllVisible(); attempt++) {
            try {
                Thread.sleep(200L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            jdbc.getJdbcOperations().execute("vacuum program");
        }
    }

    /**
     * After every rebuild of program_search: frees the previous copy's rows for the next rebuild (the
     * table stays at about twice its live size instead of growing) and gives the planner the new
     * catalog's word frequencies. Outside any transaction.
     */
    void vacuumSearchTable() {
        jdbc.getJdbcOperations().execute("vacuum (analyze) program_search");
    }

    private boolean mostlyNotAllVisible() {
        Boolean notVisible = jdbc.getJdbcOperations().queryForObject(
                "select relallvisible < relpages * 0.8 from pg_class where oid = 'program'::regclass", Boolean.class);
        return Boolean.TRUE.equals(notVisible);
    }

    private void copy(List<ImportedProgram> programs) {
        StringWriter csv = new StringWriter(programs.size() * 400);
        // POSTGRESQL_CSV writes null as an unquoted empty field, which COPY reads as NULL.
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (ImportedProgram p : programs) {
                printer.printRecord(p.externalId(), p.title(), p.description(), p.orgName(), p.address(),
                        p.district(), p.phone(), p.municipality(), p.direction().apiName(), p.ageFrom(), p.ageTo(),
                        p.format().apiName(), p.cost().apiName(), p.price() == null ? null : p.price().toPlainString(),
                        p.schedule(), p.placesTotal(), p.placesFree(), p.teacher(), p.url(), p.ovz());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy program_import (" + COLUMNS + ") from stdin (format csv)", new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into program_import failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
