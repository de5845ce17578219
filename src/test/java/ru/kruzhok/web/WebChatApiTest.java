package ru.kruzhok.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.kruzhok.support.IntegrationTest;

/** The web chat's JSON API as the page (or a hostile client) calls it. */
class WebChatApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNewSessionIsAnUnguessableUrlSafeId() throws Exception {
        String first = newSession();
        String second = newSession();
        assertThat(first).matches("[A-Za-z0-9_-]{22}");
        assertThat(second).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(first);
    }

    @Test
    void startIsAnsweredWithTheGreetingAndMenuButtons() throws Exception {
        String session = newSession();
        HttpResponse<String> response = post("/api/web/messages", Map.of("session", session, "text", "/start"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode greeting = JSON.readTree(response.body()).get("messages").get(0);
        assertThat(greeting.get("id").asLong()).isPositive();
        assertThat(greeting.get("spans").findValuesAsText("text")).anyMatch(t -> t.contains("Здравствуйте"));
        assertThat(greeting.get("buttons").findValuesAsText("label")).anyMatch(l -> l.contains("Согласен"));
        response = post("/api/web/messages", Map.of("session", session, "text", "/menu"));
        JsonNode messages = JSON.readTree(response.body()).get("messages");
        assertThat(messages).isNotEmpty();
        JsonNode first = messages.get(messages.size() - 1);
        assertThat(first.get("buttons").findValuesAsText("label")).anyMatch(l -> l.contains("Сертификат"));

        // the page polls with ?after=: nothing new after the last id, the whole history from 0
        long last = messages.get(messages.size() - 1).get("id").asLong();
        assertThat(JSON.readTree(get("/api/web/messages?session=" + session + "&after=" + last).body())
                .get("messages")).isEmpty();
        assertThat(JSON.readTree(get("/api/web/messages?session=" + session + "&after=0").body())
                .get("messages")).hasSize(messages.size());
    }

    @Test
    void aTypedMarkupIsNeverEchoedAsHtml() throws Exception {
        String session = newSession();
        HttpResponse<String> response = post("/api/web/messages",
                Map.of("session", session, "text", "<b>&<script>alert(1)</script>"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Test
    void aMalformedSessionIsRejectedWithJson() throws Exception {
        for (String bad : List.of("", "short", "a".repeat(23), "../../etc/passwd_xxxxxxx", "a b c d e f g h i j k ")) {
            HttpResponse<String> response = post("/api/web/messages", Map.of("session", bad, "text", "Привет"));
            assertThat(response.statusCode()).as("session %s", bad).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("unknown session");
        }
        HttpResponse<String> fetch = get("/api/web/messages?session=nope&after=0");
        assertThat(fetch.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(fetch.body()).has("error")).isTrue();
    }

    @Test
    void brokenRequestsGetJsonErrorsNotStackTraces() throws Exception {
        HttpResponse<String> notJson = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/web/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("error").asText()).startsWith("bad request");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/web/session")).GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(wrongMethod.body()).has("error")).isTrue();

        HttpResponse<String> badAfter = get("/api/web/messages?session=" + newSession() + "&after=zzz");
        assertThat(badAfter.statusCode()).isEqualTo(400);
        assertThat(badAfter.body()).doesNotContain("Exception").doesNotContain("at ru.kruzhok");

        HttpResponse<String> missing = get("/api/web/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).isEqualTo("not found");
    }

    @Test
    void aMessageOverTheLimitIs413AndAFiveThousandCharacterOneGetsAKindReply() throws Exception {
        String session = newSession();
        HttpResponse<String> tooLong = post("/api/web/messages", Map.of("session", session, "text", "я".repeat(10_001)));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLong.body()).get("error").asText()).isEqualTo("message too long");

        HttpResponse<String> longButFine = post("/api/web/messages", Map.of("session", session, "text", "я".repeat(5_000)));
        assertThat(longButFine.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(longButFine.body()).get("messages")).isNotEmpty();

        HttpResponse<String> longPayload = post("/api/web/messages", Map.of("session", session, "payload", "x".repeat(201)));
        assertThat(longPayload.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(longPayload.body()).has("error")).isTrue();
    }

    @Test
    void aButtonTheBotNeverIssuedGetsAKindReply() throws Exception {
        String session = newSession();
        HttpResponse<String> response = post("/api/web/messages", Map.of("session", session, "payload", "forged:123"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode messages = JSON.readTree(response.body()).get("messages");
        assertThat(messages).isNotEmpty();
        assertThat(messages.get(messages.size() - 1).get("buttons").findValuesAsText("label")).isNotEmpty();
    }

    @Test
    void emojiOnlyAndEmptyMessagesGetAKindReplyWithTheMenu() throws Exception {
        String session = newSession();
        for (String text : List.of("😀🎉👍", "", "   ")) {
            HttpResponse<String> response = post("/api/web/messages", Map.of("session", session, "text", text));
            assertThat(response.statusCode()).as("text '%s'", text).isEqualTo(200);
            JsonNode messages = JSON.readTree(response.body()).get("messages");
            assertThat(messages).as("reply to '%s'", text).isNotEmpty();
            JsonNode last = messages.get(messages.size() - 1);
            assertThat(last.get("spans").findValuesAsText("text")).anyMatch(t -> !t.isBlank());
            assertThat(last.get("buttons").findValuesAsText("label")).isNotEmpty();
        }
    }

    private String newSession() throws Exception {
        HttpResponse<String> response = post("/api/web/session", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("session").asText();
    }

    private HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
