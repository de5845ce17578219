package ru.kruzhok.channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Messengers allow one long-polling caller per bot (Telegram answers a second getUpdates with 409,
 * MAX and VK hand each update to whichever poller asks first). The instance holding this PostgreSQL
 * session-level advisory lock polls; others stand by. The lock lives as long as its connection, so
 * a crashed instance releases it by dying. Each channel polls under its own key.
 */
public class PollingLock implements AutoCloseable {

    private final DataSource dataSource;
    private final long key;
    private Connection connection;

    /** {@code key}: a constant of the channel, the same on every instance. */
    public PollingLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /** Tries once; true when this instance holds the lock (now or already). */
    public synchronized boolean tryAcquire() {
        try {
            if (connection != null) {
                if (connection.isValid(2)) {
                    return true;
                }
                closeQuietly();
            }
            Connection c = dataSource.getConnection();
            try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        connection = c;
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            closeQuietly();
            return false;
        }
    }

    /** Still held? A broken connection means another instance may have taken over. */
    public synchronized boolean held() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try (PreparedStatement st = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                st.setLong(1, key);
                st.execute();
            } catch (SQLException ignored) {
                // the connection is going away anyway, and the lock with it
            }
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // nothing to do
        } finally {
            connection = null;
        }
    }
}
