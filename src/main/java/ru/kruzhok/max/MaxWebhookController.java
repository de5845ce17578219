package ru.kruzhok.max;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook mode: MAX POSTs each update here with the subscription's secret in
 * {@code X-Max-Bot-Api-Secret}. A call without the right secret is rejected before anything is
 * parsed; the answer comes after the update was handled, so MAX retries what we could not handle.
 */
@RestController
@Conditional(MaxConditions.WebhookEndpoint.class)
class MaxWebhookController {

    private static final Logger log = LoggerFactory.getLogger(MaxWebhookController.class);

    private final MaxIntake intake;
    private final byte[] secret;
    private final JsonMapper json = JsonMapper.builder().build();

    MaxWebhookController(MaxIntake intake, MaxProperties properties) {
        this.intake = intake;
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "${kruzhok.max.webhook-path:/max/webhook}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> receive(
            @RequestHeader(name = "X-Max-Bot-Api-Secret", required = false) String token,
            @RequestBody(required = false) byte[] body) {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "wrong secret"));
        }
        JsonNode update;
        try {
            update = json.readTree(body);
        } catch (Exception e) {
            update = null;
        }
        if (update == null || !update.isObject()) {
            return ResponseEntity.badRequest().body(Map.of("error", "not a MAX update"));
        }
        try {
            intake.accept(update).get(25, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("MAX webhook update not handled in time: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "try again"));
        }
        return ResponseEntity.ok(Map.of());
    }
}
