package ru.kruzhok.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.kruzhok.KruzhokApplication;

/**
 * The whole application started by a test on its own, outside the shared test context: for the few
 * tests that must stop and start it (restart over the same DATA_DIR) or need a different mode
 * (webhook). Each start costs seconds, so use it only where the shared context cannot serve.
 * Telegram is off unless a test sets {@code kruzhok.telegram.token}; the HTTP port is random.
 */
public final class StandaloneApplication implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final int port;

    private StandaloneApplication(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    /** A fresh data directory under target/test-data. */
    public static Path newDataDir(String prefix) {
        try {
            Path root = Path.of("target", "test-data").toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the application with its data in {@code dataDir}; {@code properties} override the defaults. */
    public static StandaloneApplication start(Path dataDir, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("kruzhok.database.data-dir", dataDir.toString());
        all.put("server.port", "0");
        all.put("kruzhok.telegram.token", "");
        all.put("spring.main.banner-mode", "off");
        all.put("kruzhok.warmup.enabled", "false"); // start-up time, not latency, matters to these tests
        all.putAll(properties);
        // command-line arguments outrank application.yml and the environment, as a test needs
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new StandaloneApplication(new SpringApplicationBuilder(KruzhokApplication.class).run(args));
    }

    public static StandaloneApplication start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** GET; returns the status and the body. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    /** POST with a JSON body and optional headers (name, value, name, value…). */
    public HttpResponse<String> postJson(String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
