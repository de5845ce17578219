package ru.kruzhok.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode: Telegram POSTs each update here. A call without the right
 * {@code X-Telegram-Bot-Api-Secret-Token} is rejected before anything is parsed. The answer is
 * sent only after the update was handled, so Telegram redelivers what we could not handle.
 */
@org.springframework.web.bind.annotation.RestController
@org.springframework.context.annotation.Conditional({OnTelegramEnabled.class, TelegramConfiguration.OnWebhook.class})
class TelegramWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final TelegramIntake intake;
    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    TelegramWebhookController(TelegramIntake intake, TelegramProperties properties) {
        this.intake = intake;
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "${kruzhok.telegram.webhook-path:/telegram/webhook}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> receive(
            @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String token,
            @RequestBody(required = false) byte[] body) {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "wrong secret token"));
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (Exception e) {
            update = null;
        }
        // JSON without an update id is not from Telegram (which always sends one): nothing to handle
        if (update == null || update.getUpdateId() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "not a Telegram update"));
        }
        try {
            intake.accept(update).get(25, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Webhook update {} not handled in time: {}", update.getUpdateId(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "try again"));
        }
        return ResponseEntity.ok(Map.of());
    }
}
