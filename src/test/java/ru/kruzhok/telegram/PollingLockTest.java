package ru.kruzhok.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.kruzhok.support.IntegrationTest;

/**
 * Two pollers never both poll: the PostgreSQL advisory lock goes to one instance at a time.
 *
 * <p>The shared application's own poller holds the lock in the shared database for the whole run,
 * so the hand-over half of the test uses a scratch database in the same embedded server: advisory
 * locks are per database, and this way the test never stops the shared context's poller.
 */
class PollingLockTest extends IntegrationTest {

    private static final String SCRATCH = "polling_lock_test";

    @Autowired
    DataSource dataSource;

    @Autowired
    TelegramLongPoller poller;

    private static DataSource scratch;

    @Test
    void whileTheApplicationPollsASecondInstanceStandsBy() {
        // right after start-up the poller may still be taking the lock
        await().atMost(Duration.ofSeconds(15)).until(poller::isPolling);

        try (PollingLock second = new PollingLock(dataSource)) {
            assertThat(second.tryAcquire()).isFalse();
            assertThat(second.held()).isFalse();
        }
        assertThat(poller.isPolling()).as("the standing-by instance took nothing away").isTrue();
    }

    @Test
    void theSecondInstanceTakesOverOnlyOnceTheFirstLetsGo() throws SQLException {
        DataSource db = scratchDatabase();
        PollingLock first = new PollingLock(db);
        try (PollingLock second = new PollingLock(db)) {
            assertThat(first.tryAcquire()).isTrue();
            assertThat(first.tryAcquire()).as("holding it, asking again is fine").isTrue();

            assertThat(second.tryAcquire()).isFalse();
            assertThat(second.tryAcquire()).isFalse();

            first.close();

            assertThat(first.held()).isFalse();
            assertThat(second.tryAcquire()).isTrue();
            assertThat(second.held()).isTrue();
            assertThat(first.tryAcquire()).isFalse();
        } finally {
            first.close();
        }
    }

    @Test
    void aDeadHoldersLockPassesToTheNextInstance() throws SQLException {
        DataSource db = scratchDatabase();
        try (PollingLock crashed = new PollingLock(db); PollingLock standby = new PollingLock(db)) {
            assertThat(crashed.tryAcquire()).isTrue();
            assertThat(standby.tryAcquire()).isFalse();

            // the holder's connection dies, as when its instance is killed
            new JdbcTemplate(db).queryForList("""
                    select pg_terminate_backend(pid) from pg_locks
                    where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
                    """);

            assertThat(crashed.held()).isFalse();
            assertThat(standby.tryAcquire()).isTrue();
        }
    }

    /** A database of its own in the shared embedded server, created once per run. */
    private DataSource scratchDatabase() throws SQLException {
        if (scratch != null) {
            return scratch;
        }
        String url;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            url = c.getMetaData().getURL();
            Integer exists = new JdbcTemplate(dataSource)
                    .queryForObject("select count(*) from pg_database where datname = ?", Integer.class, SCRATCH);
            if (exists == null || exists == 0) {
                st.execute("create database " + SCRATCH);
            }
        }
        DriverManagerDataSource db = new DriverManagerDataSource(url.replaceFirst("/postgres(\\?|$)", "/" + SCRATCH + "$1"));
        db.setUsername("postgres");
        scratch = db;
        return db;
    }
}
