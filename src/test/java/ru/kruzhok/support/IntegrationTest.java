package ru.kruzhok.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration and end-to-end test: the whole application on a real embedded
 * PostgreSQL (its own data directory under target/), the web chat on a random port, and the
 * Telegram channel talking to one {@link FakeTelegramServer} through the real TelegramBots client.
 * All subclasses share one Spring context, so the suite starts the application once.
 *
 * <p>Tests must not depend on each other's data: each uses its own chat ids ({@link #newChatId()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final FakeTelegramServer TELEGRAM = startTelegram();
    private static final Path DATA_DIR = createDataDir();
    private static final AtomicLong CHAT_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void kruzhokProperties(DynamicPropertyRegistry registry) {
        registry.add("kruzhok.database.data-dir", DATA_DIR::toString);
        registry.add("kruzhok.telegram.token", () -> FakeTelegramServer.TOKEN);
        registry.add("kruzhok.telegram.api-url", TELEGRAM::url);
        registry.add("kruzhok.telegram.poll-timeout", () -> "1s");
        registry.add("kruzhok.admin.api-token", () -> ADMIN_TOKEN);
        registry.add("kruzhok.staff.telegram-ids", () -> String.valueOf(ADMIN_TELEGRAM_ID));
    }

    /** A Telegram user who is an admin from configuration (STAFF_TELEGRAM_IDS); outside newChatId()'s range. */
    protected static final long ADMIN_TELEGRAM_ID = 9_000_000_001L;

    /** The admin API token configured for the test application. */
    protected static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    /** A chat id no other test uses. */
    protected static long newChatId() {
        return CHAT_IDS.incrementAndGet();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static FakeTelegramServer startTelegram() {
        try {
            return new FakeTelegramServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDataDir() {
        try {
            Path root = Path.of("target", "test-data");
            Files.createDirectories(root);
            return Files.createTempDirectory(root.toAbsolutePath(), "it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
