package ru.kruzhok.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.support.StandaloneApplication;

/**
 * The embedded PostgreSQL keeps its data in DATA_DIR: what the bot wrote before a restart is there
 * after it. Not an {@code IntegrationTest}: it must stop and start the whole application twice over
 * one data directory, which the shared test context (never stopped during the run) cannot do.
 */
class RestartKeepsDataTest {

    @Test
    void whatTheBotWroteBeforeARestartIsThereAfterIt() {
        Path dataDir = StandaloneApplication.newDataDir("restart-");
        String session;
        JsonNode before;
        try (StandaloneApplication app = StandaloneApplication.start(dataDir)) {
            session = StandaloneApplication.json(app.postJson("/api/web/session", Map.of())).get("session").asText();
            var sent = app.postJson("/api/web/messages", Map.of("session", session, "text", "/start"));
            assertThat(sent.statusCode()).isEqualTo(200);
            before = StandaloneApplication.json(app.get("/api/web/messages?session=" + session)).get("messages");
            assertThat(before).as("the bot answered /start").isNotEmpty();
        }

        try (StandaloneApplication app = StandaloneApplication.start(dataDir)) {
            var fetched = app.get("/api/web/messages?session=" + session);

            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(StandaloneApplication.json(fetched).get("messages")).isEqualTo(before);
            assertThat(app.bean(JdbcTemplate.class).queryForObject(
                    "select count(*) from known_chat where channel = 'web' and chat_id = ?", Integer.class, session))
                    .as("the chat is still known").isEqualTo(1);
            // and the restarted bot carries on in the same chat
            var again = app.postJson("/api/web/messages", Map.of("session", session, "text", "/menu"));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(StandaloneApplication.json(app.get("/api/web/messages?session=" + session)).get("messages").size())
                    .isGreaterThan(before.size());
        }
    }
}
