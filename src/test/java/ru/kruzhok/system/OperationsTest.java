package ru.kruzhok.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.kruzhok.support.FakeTelegramServer;
import ru.kruzhok.support.IntegrationTest;

/** What an operator relies on: health, Prometheus metrics, and logs without secrets or personal data. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private HealthContributorRegistry health;

    @Test
    void healthIsExactlyUpAndTellsNothingMore() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void healthFollowsTheDatabase() {
        // The overall status includes Spring's database check, which runs a query on our pool ...
        assertThat(health.getContributor("db")).isInstanceOf(DataSourceHealthIndicator.class);
        assertThat(((HealthIndicator) health.getContributor("db")).health().getStatus()).isEqualTo(Status.UP);
        // ... and the same check reports DOWN for a database that does not answer (port 9 is discard).
        try (HikariDataSource unreachable = new HikariDataSource()) {
            unreachable.setJdbcUrl("jdbc:postgresql://127.0.0.1:9/none");
            unreachable.setConnectionTimeout(1_000);
            unreachable.setInitializationFailTimeout(-1);
            DataSourceHealthIndicator check = new DataSourceHealthIndicator(unreachable);
            assertThat(check.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void prometheusShowsHandlingLatencyUpdatesAndSendsAfterAWebMessage() throws Exception {
        String session = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(post("/api/web/session", "{}").body()).get("session").asText();
        assertThat(post("/api/web/messages", "{\"session\":\"" + session + "\",\"text\":\"/start\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("kruzhok_updates_handling_seconds_bucket{")
                .contains("kruzhok_updates_handling_seconds_count")
                .containsPattern("kruzhok_updates_handled_total\\{[^}]*channel=\"web\"[^}]*} [1-9]")
                .containsPattern("kruzhok_sends_total\\{[^}]*channel=\"web\"[^}]*outcome=\"sent\"[^}]*} [1-9]");
    }

    @Test
    void logsCarryNeitherTheBotTokenNorWhatParentsWrite(CapturedOutput output) throws Exception {
        // the Telegram client logs request URLs (which hold the token) only at DEBUG
        assertThat(LoggerFactory.getLogger("org.telegram.telegrambots").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("okhttp3").isDebugEnabled()).isFalse();

        String secretText = "Мой сын Вася Пупкин, телефон +7 900 123-45-67";
        long chat = newChatId();
        TELEGRAM.sendText(chat, secretText);
        TELEGRAM.awaitMessages(chat, 1);
        String session = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(post("/api/web/session", "{}").body()).get("session").asText();
        post("/api/web/messages", "{\"session\":\"" + session + "\",\"text\":\"" + secretText + "\"}");

        assertThat(output.getAll()).doesNotContain(FakeTelegramServer.TOKEN)
                .doesNotContain("TEST-TOKEN")
                .doesNotContain("Пупкин")
                .doesNotContain("123-45-67");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
