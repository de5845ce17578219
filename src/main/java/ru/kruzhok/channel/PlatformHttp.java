package ru.kruzhok.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON-over-HTTP client the MAX and VK adapters share, on the JDK's HttpClient: both
 * platforms' APIs are a handful of plain JSON calls, so a thin client is less to keep than an SDK.
 * Never logs URLs or bodies (they carry tokens and parents' messages).
 */
public final class PlatformHttp {

    /** A platform's answer: the HTTP status and the body as JSON (an empty object when it was not JSON). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Duration timeout;

    /** {@code timeout}: how long one call may take (long polls pass their own, longer one). */
    public PlatformHttp(Duration timeout) {
        this.timeout = timeout;
    }

    public JsonMapper json() {
        return json;
    }

    /** Sends {@code body} as JSON with the method (POST, PUT, …) and headers given. */
    public Response sendJson(String method, URI uri, Map<String, String> headers, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A GET waiting up to {@code wait} (long polls wait longer than ordinary calls). */
    public Response get(URI uri, Map<String, String> headers, Duration wait) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(wait).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A form POST ({@code application/x-www-form-urlencoded}), as VK's API methods take. */
    public Response postForm(URI uri, String form) throws IOException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Uploads one file as the multipart field {@code field}, as both platforms' upload servers want. */
    public Response upload(URI uri, Map<String, String> headers, String field, OutgoingFile file) throws IOException {
        String boundary = "kruzhok-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.content().length + 512);
        String safeName = file.fileName().replace("\"", "");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + safeName + "\"\r\nContent-Type: " + (file.mimeType() == null ? "application/octet-stream" : file.mimeType())
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file.content());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Downloads a file a person sent, refusing more than {@code maxBytes}. */
    public byte[] download(URI uri, Map<String, String> headers, long maxBytes) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("file download answered " + response.statusCode());
            }
            if (response.body().length > maxBytes) {
                throw new IOException("file over " + maxBytes + " bytes");
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body() == null || response.body().isBlank() ? json.createObjectNode()
                        : json.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = json.createObjectNode();
            }
            return new Response(response.statusCode(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A field's text, or null when it is absent or not a value. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }
}
