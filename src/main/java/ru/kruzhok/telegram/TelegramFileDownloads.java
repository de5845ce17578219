package ru.kruzhok.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Fetches a file a person sent, by the {@code file_path} that getFile returned, from the configured
 * Bot API address. TelegramBots' own download always goes to api.telegram.org (its {@code File}
 * builds the URL from a constant), which breaks TELEGRAM_API_URL (a local Bot API server, the test
 * server); hence this small client.
 */
class TelegramFileDownloads {

    /** Telegram lets bots download files up to 20 MB; a catalog export is far below. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TelegramFileDownloads(URI apiUrl, String token) {
        String url = apiUrl.toString();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/file/bot" + token + "/";
    }

    byte[] fetch(String filePath) throws IOException {
        String path = Arrays.stream(filePath.split("/"))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("file download answered " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new IOException("file over " + MAX_BYTES + " bytes");
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
