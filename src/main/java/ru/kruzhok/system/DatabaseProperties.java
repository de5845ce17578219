package ru.kruzhok.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} (DATABASE_URL) the bot starts its own embedded
 * PostgreSQL under {@code dataDir} (DATA_DIR), so it runs with no configuration at all.
 */
@ConfigurationProperties("kruzhok.database")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("256MB") String embeddedSharedBuffers,
        @DefaultValue("20") int maxPoolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
