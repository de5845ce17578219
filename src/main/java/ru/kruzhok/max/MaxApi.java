package ru.kruzhok.max;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.PlatformHttp;
import ru.kruzhok.channel.PlatformHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * The calls the bot makes to the MAX Bot API, a thin client on the JDK's HttpClient: MAX publishes
 * no Java client on Maven Central, and the API is a handful of JSON calls. The token goes in the
 * {@code Authorization} header (MAX deprecated the access_token query parameter), so it never
 * appears in a URL.
 */
final class MaxApi {

    /** The update types the bot asks for; others (chat membership, edits) it does not handle. */
    static final List<String> UPDATE_TYPES = List.of("message_created", "message_callback", "bot_started");
    /** MAX lets bots download what people sent; a catalog export is far below this. */
    static final long MAX_DOWNLOAD = 20L * 1024 * 1024;

    private final PlatformHttp http = new PlatformHttp(Duration.ofSeconds(30));
    private final String base;
    private final Map<String, String> auth;

    MaxApi(MaxProperties properties) {
        this.base = properties.apiUrl().toString().replaceAll("/+$", "");
        this.auth = Map.of("Authorization", properties.token());
    }

    PlatformHttp http() {
        return http;
    }

    /** GET /updates: waits up to {@code timeout} for updates after {@code marker} (null: the oldest kept). */
    Response updates(Long marker, Duration timeout) throws IOException {
        String query = "limit=100&timeout=" + timeout.toSeconds() + "&types=" + String.join(",", UPDATE_TYPES)
                + (marker == null ? "" : "&marker=" + marker);
        return http.get(uri("/updates?" + query), auth, timeout.plusSeconds(15));
    }

    /** POST /messages to a person ({@code user_id}) or a group chat ({@code chat_id}). */
    Response send(String recipientParam, String recipientId, Object body) throws IOException {
        return http.sendJson("POST", uri("/messages?" + recipientParam + "=" + encode(recipientId)), auth, body);
    }

    /** PUT /messages: replaces the text and attachments (the keyboard) of the bot's message. */
    Response edit(String messageId, Object body) throws IOException {
        return http.sendJson("PUT", uri("/messages?message_id=" + encode(messageId)), auth, body);
    }

    /** POST /answers: tells MAX a button press was received, so the client stops waiting. */
    Response answer(String callbackId, Object body) throws IOException {
        return http.sendJson("POST", uri("/answers?callback_id=" + encode(callbackId)), auth, body);
    }

    /** POST /subscriptions: MAX posts updates to {@code url} with the secret in X-Max-Bot-Api-Secret. */
    Response subscribe(String url, String secret) throws IOException {
        return http.sendJson("POST", uri("/subscriptions"), auth,
                Map.of("url", url, "update_types", UPDATE_TYPES, "secret", secret));
    }

    /**
     * Uploads a file in MAX's two steps (POST /uploads for an upload address, then the bytes there)
     * and returns the token a message attachment names it by.
     */
    String upload(OutgoingFile file) throws IOException {
        String type = file.kind() == OutgoingFile.Kind.IMAGE ? "image" : "file";
        Response slot = http.sendJson("POST", uri("/uploads?type=" + type), auth, Map.of());
        String url = PlatformHttp.text(slot.body(), "url");
        if (!slot.ok() || url == null) {
            throw new IOException("no upload address (" + slot.status() + ")");
        }
        Response uploaded = http.upload(URI.create(url), auth, "data", file);
        if (!uploaded.ok()) {
            throw new IOException("upload answered " + uploaded.status());
        }
        String token = PlatformHttp.text(uploaded.body(), "token");
        if (token == null) {
            // images answer {"photos": {"<id>": {"token": …}}}
            for (JsonNode photo : uploaded.body().path("photos")) {
                token = PlatformHttp.text(photo, "token");
                break;
            }
        }
        if (token == null) {
            token = PlatformHttp.text(slot.body(), "token");
        }
        if (token == null) {
            throw new IOException("upload gave no token");
        }
        return token;
    }

    byte[] download(String url) throws IOException {
        // no Authorization header: attachment addresses are on MAX's file hosts, and the token stays with the API
        return http.download(URI.create(url), Map.of(), MAX_DOWNLOAD);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
