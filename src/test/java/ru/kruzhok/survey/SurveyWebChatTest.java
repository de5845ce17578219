package ru.kruzhok.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.kruzhok.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The same survey flow answered through the web chat's HTTP API. */
class SurveyWebChatTest extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String session;
    private long after;
    private final List<JsonNode> seen = new ArrayList<>();

    private JsonNode post(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String say(Map<String, Object> body) throws Exception {
        Map<String, Object> withSession = new HashMap<>(body);
        withSession.put("session", session);
        withSession.put("after", after);
        StringBuilder text = new StringBuilder();
        for (JsonNode m : post("/api/web/messages", withSession).get("messages")) {
            seen.add(m);
            after = Math.max(after, m.get("id").asLong());
            m.get("spans").forEach(s -> text.append(s.get("text").asString()));
        }
        return text.toString();
    }

    private String press(String label) throws Exception {
        for (int i = seen.size() - 1; i >= 0; i--) {
            JsonNode buttons = seen.get(i).get("buttons");
            if (buttons == null) {
                continue;
            }
            for (JsonNode row : buttons) {
                for (JsonNode b : row) {
                    if (b.get("label").asString().contains(label) && b.has("payload")) {
                        return say(Map.of("payload", b.get("payload").asString()));
                    }
                }
            }
        }
        throw new AssertionError("no button " + label);
    }

    @Test
    void parentAnswersSurveyQuestionsInTheWebChat() throws Exception {
        session = post("/api/web/session", Map.of()).get("session").asString();
        say(Map.of("text", "/start"));
        press("Не сейчас");
        press("Главное меню");
        assertThat(press("Опросы")).contains("Выберите опрос");
        assertThat(press("Удовлетворённость")).contains("Вопрос 1 из 12");
        press("Нет, не знаю");
        assertThat(press("Нет")).contains("Вопрос 4 из 12");
        assertThat(press("Всего хватает")).contains("Вопрос 4 из 12");
        assertThat(seen.get(seen.size() - 1).get("buttons").toString()).contains("✅ Всего хватает");
        assertThat(press("Готово")).contains("Вопрос 5 из 12");
    }
}
