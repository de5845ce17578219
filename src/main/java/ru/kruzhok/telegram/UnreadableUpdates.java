package ru.kruzhok.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When TelegramBots cannot read a getUpdates answer (an update with a shape the library does not
 * expect), the batch is never acknowledged and Telegram hands it out again forever. This fetches
 * the first waiting update as raw JSON, one at a time, and either gives back the update when the
 * library can read it alone, or names it for skipping. Written by hand: the library deserialises
 * whole batches and offers no per-update fallback.
 */
class UnreadableUpdates {

    private static final Logger log = LoggerFactory.getLogger(UnreadableUpdates.class);

    /** The first waiting update: readable ({@code update} set) or not (only its id). */
    record First(int updateId, Update update) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI getUpdates;

    UnreadableUpdates(TelegramProperties properties) {
        String base = properties.apiUrl().toString().replaceAll("/+$", "");
        this.getUpdates = URI.create(base + "/bot" + properties.token() + "/getUpdates");
    }

    /** Empty when nothing waits or Telegram cannot be reached (the poller then just retries). */
    Optional<First> first(int offset) {
        String body;
        try {
            HttpRequest request = HttpRequest.newBuilder(getUpdates)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of(
                            "offset", offset, "limit", 1, "timeout", 0,
                            "allowed_updates", TelegramLongPoller.ALLOWED_UPDATES))))
                    .build();
            body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Raw getUpdates failed: {}", e.toString());
            return Optional.empty();
        }
        JsonNode result = json.readTree(body).path("result");
        if (!result.isArray() || result.isEmpty() || !result.get(0).path("update_id").isInt()) {
            return Optional.empty();
        }
        int id = result.get(0).path("update_id").asInt();
        try {
            // the first update alone, whatever else the server sent along
            String single = json.writeValueAsString(json.createObjectNode().put("ok", true)
                    .set("result", json.createArrayNode().add(result.get(0))));
            List<Update> updates = new GetUpdates().deserializeResponse(single);
            return Optional.of(new First(id, updates.isEmpty() ? null : updates.get(0)));
        } catch (TelegramApiRequestException | RuntimeException e) {
            return Optional.of(new First(id, null));
        }
    }
}
