package ru.kruzhok.vk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.PlatformHttp;
import tools.jackson.databind.JsonNode;

/**
 * The VK API methods the bot calls, a thin client on the JDK's HttpClient. Not the official Java
 * SDK ({@code com.vk.api:sdk}): its last release targets API 5.131 and predates parts of the bot
 * API used here, and it brings Apache HttpClient 4 and Gson for what is a form POST and a JSON
 * answer. The community token travels in the POST body, never in a URL.
 */
final class VkApi {

    /** A method's answer: {@code response}, or VK's error code and message. */
    record Result(JsonNode response, int errorCode, String errorMessage) {
        boolean ok() {
            return errorCode == 0;
        }
    }

    private final PlatformHttp http = new PlatformHttp(Duration.ofSeconds(30));
    private final String base;
    private final String token;
    private final String version;

    VkApi(VkProperties properties) {
        this.base = properties.apiUrl().toString().replaceAll("/+$", "");
        this.token = properties.groupToken();
        this.version = properties.apiVersion();
    }

    PlatformHttp http() {
        return http;
    }

    /** Calls {@code method} with {@code params}; a network failure is an IOException, an API error a Result. */
    Result call(String method, Map<String, String> params) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("access_token", token);
        all.put("v", version);
        PlatformHttp.Response answer = http.postForm(URI.create(base + "/method/" + method), form(all));
        JsonNode body = answer.body();
        if (body.has("error")) {
            JsonNode error = body.path("error");
            return new Result(null, error.path("error_code").asInt(-1), PlatformHttp.text(error, "error_msg"));
        }
        if (!answer.ok() || !body.has("response")) {
            return new Result(null, -answer.status(), "HTTP " + answer.status());
        }
        return new Result(body.path("response"), 0, null);
    }

    /** One Bots Long Poll wait: {@code server?act=a_check&key=…&ts=…&wait=…}. */
    JsonNode check(String server, String key, String ts, Duration wait) throws IOException {
        URI uri = URI.create(server + (server.contains("?") ? "&" : "?") + form(Map.of(
                "act", "a_check", "key", key, "ts", ts, "wait", String.valueOf(wait.toSeconds()))));
        PlatformHttp.Response answer = http.get(uri, Map.of(), wait.plusSeconds(15));
        if (!answer.ok()) {
            throw new IOException("a_check answered " + answer.status());
        }
        return answer.body();
    }

    /**
     * Uploads a photo or a document for a message to {@code peerId} (get an upload address, send the
     * bytes, save) and returns the attachment string messages.send takes ({@code photo-1_2}).
     */
    String upload(String peerId, OutgoingFile file) throws IOException {
        boolean image = file.kind() == OutgoingFile.Kind.IMAGE;
        Result server = call(image ? "photos.getMessagesUploadServer" : "docs.getMessagesUploadServer",
                image ? Map.of("peer_id", peerId) : Map.of("peer_id", peerId, "type", "doc"));
        String url = server.ok() ? PlatformHttp.text(server.response(), "upload_url") : null;
        if (url == null) {
            throw new IOException("no upload address (" + server.errorCode() + ")");
        }
        JsonNode sent = http.upload(URI.create(url), Map.of(), image ? "photo" : "file", file).body();
        Result saved = image
                ? call("photos.saveMessagesPhoto", Map.of("server", String.valueOf(sent.path("server").asLong()),
                        "photo", String.valueOf(PlatformHttp.text(sent, "photo")), "hash", String.valueOf(PlatformHttp.text(sent, "hash"))))
                : call("docs.save", Map.of("file", String.valueOf(PlatformHttp.text(sent, "file")), "title", file.fileName()));
        if (!saved.ok()) {
            throw new IOException("saving the upload failed (" + saved.errorCode() + ")");
        }
        JsonNode item = image ? saved.response().path(0) : saved.response().path("doc");
        return (image ? "photo" : "doc") + item.path("owner_id").asLong() + "_" + item.path("id").asLong();
    }

    byte[] download(String url, long maxBytes) throws IOException {
        return http.download(URI.create(url), Map.of(), maxBytes);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
