package ru.kruzhok.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chat imports waiting for the staff member's «да» (they would hide many programs). Kept in the
 * database so the instance that gets the press need not be the one that got the file; a day old,
 * they are dropped.
 */
@Repository
class PendingImports {

    private static final Duration KEPT = Duration.ofDays(1);

    record Pending(String fileName, byte[] content, boolean partial, String municipality) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PendingImports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    long keep(String actor, String fileName, byte[] content, boolean partial, String municipality) {
        jdbc.update("delete from catalog_pending_import where created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
        return jdbc.queryForObject("""
                insert into catalog_pending_import(actor, file_name, content, partial, municipality, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class,
                actor, fileName, content, partial, municipality, Timestamp.from(clock.instant()));
    }

    /** The pending import, removed; only the one who sent it may take it, and only once. */
    @Transactional
    Optional<Pending> take(long id, String actor) {
        List<Pending> found = jdbc.query("""
                delete from catalog_pending_import where id = ? and actor = ? and created_at >= ?
                returning file_name, content, partial, municipality""",
                (rs, i) -> new Pending(rs.getString(1), rs.getBytes(2), rs.getBoolean(3), rs.getString(4)),
                id, actor, Timestamp.from(clock.instant().minus(KEPT)));
        return found.stream().findFirst();
    }
}
