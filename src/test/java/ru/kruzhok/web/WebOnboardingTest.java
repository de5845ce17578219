package ru.kruzhok.web;

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
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The same onboarding in the web chat: the same core, another channel. */
class WebOnboardingTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
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
        JsonNode messages = post("/api/web/messages", withSession).get("messages");
        StringBuilder text = new StringBuilder();
        for (JsonNode m : messages) {
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
    void onboardingSettingsAndDeletionWorkInTheWebChat() throws Exception {
        session = post("/api/web/session", Map.of()).get("session").asString();
        assertThat(say(Map.of("text", "/start"))).contains("согласие");
        assertThat(press("Согласен")).contains("В каком районе");
        assertThat(press("Центральный район")).contains("Сколько лет");
        assertThat(say(Map.of("text", "Лиза 6"))).contains("Есть ещё дети");
        press("Дальше");
        press("Творчество");
        press("Готово");
        assertThat(press("Нет, спасибо")).contains("Готово, спасибо");
        assertThat(jdbc.queryForObject("select count(*) from parent where channel = 'web' and chat_id = ?",
                Integer.class, session)).isEqualTo(1);

        press("Главное меню");
        assertThat(press("Настройки")).contains("Центральный район", "Лиза, 6 лет", "Творчество", "выключены");
        press("Удалить мои данные");
        assertThat(press("Да, удалить всё")).contains("Ваши данные удалены");
        assertThat(jdbc.queryForObject("select count(*) from parent where channel = 'web' and chat_id = ?",
                Integer.class, session)).isZero();
        assertThat(jdbc.queryForList("select body from web_message where chat_id = ?", String.class, session))
                .as("the chat's stored history no longer names the child")
                .noneMatch(body -> body.contains("Лиза"));
    }
}
