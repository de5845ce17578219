package ru.kruzhok.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration and end-to-end test: the whole application on a real embedded
 * PostgreSQL (its own data directory under target/), the web chat on a random port, and the
 * Telegram channel talking to one {@link FakeTelegramServer} through the real TelegramBots client.
 * All subclasses share one Spring context, so the suite starts the application once.
 *
 * <p>Tests must not depend on each other's data: each uses its own chat ids ({@link #newChatId()}).
 * Test-only settings are in {@code src/test/resources/application-test.yml} (the "test" profile).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    protected static final FakeTelegramServer TELEGRAM = startTelegram();
    /** The fake MAX Bot API every test context's MAX channel polls and sends to. */
    protected static final FakeMaxServer MAX = start(FakeMaxServer::new);
    /** The fake VK API of the test community. */
    protected static final FakeVkServer VK = start(FakeVkServer::new);
    /** The secret the MAX webhook endpoint checks (the channel also long-polls MAX in tests). */
    protected static final String MAX_WEBHOOK_SECRET = "max-webhook-secret-for-tests";
    /** The secret the VK Callback API endpoint checks (the channel also long-polls VK in tests). */
    protected static final String VK_CALLBACK_SECRET = "vk-callback-secret-for-tests";
    private static final Path DATA_DIR = createDataDir();
    /**
     * A copy of the repository's dialogs/ the application reads (flows, FAQ, surveys), so tests that
     * edit files and /reload never touch the repository; such a test restores what it changed.
     */
    protected static final Path DIALOGS_DIR = copyDialogs();
    private static final AtomicLong CHAT_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void kruzhokProperties(DynamicPropertyRegistry registry) {
        registry.add("kruzhok.database.data-dir", DATA_DIR::toString);
        registry.add("kruzhok.telegram.token", () -> FakeTelegramServer.TOKEN);
        registry.add("kruzhok.telegram.api-url", TELEGRAM::url);
        registry.add("kruzhok.telegram.poll-timeout", () -> "1s");
        // short enough for TelegramFaultsTest to see a hung send retried; the fake answers in milliseconds
        registry.add("kruzhok.telegram.send-timeout", () -> "3s");
        registry.add("kruzhok.max.token", () -> FakeMaxServer.TOKEN);
        registry.add("kruzhok.max.api-url", MAX::url);
        registry.add("kruzhok.max.poll-timeout", () -> "1s");
        registry.add("kruzhok.max.webhook-secret", () -> MAX_WEBHOOK_SECRET);
        registry.add("kruzhok.vk.group-token", () -> FakeVkServer.TOKEN);
        registry.add("kruzhok.vk.group-id", () -> String.valueOf(FakeVkServer.GROUP_ID));
        registry.add("kruzhok.vk.api-url", VK::url);
        registry.add("kruzhok.vk.poll-wait", () -> "1s");
        registry.add("kruzhok.vk.callback-secret", () -> VK_CALLBACK_SECRET);
        registry.add("kruzhok.admin.api-token", () -> ADMIN_TOKEN);
        registry.add("kruzhok.staff.telegram-ids", () -> String.valueOf(ADMIN_TELEGRAM_ID));
        registry.add("kruzhok.dialogs.dir", DIALOGS_DIR::toString);
        registry.add("kruzhok.faq.directory", () -> DIALOGS_DIR.resolve("faq").toString());
        registry.add("kruzhok.surveys.dir", () -> DIALOGS_DIR.resolve("surveys").toString());
        // the start-up warm-up is for latency in production (DispatcherBenchmark); here it only costs start-up time
        registry.add("kruzhok.warmup.enabled", () -> "false");
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

    private interface Starter<T> {
        T start() throws IOException;
    }

    private static <T> T start(Starter<T> starter) {
        try {
            return starter.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyDialogs() {
        try {
            Path source = Path.of("dialogs").toAbsolutePath();
            Path target = DATA_DIR.resolve("dialogs");
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path p : paths.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
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
