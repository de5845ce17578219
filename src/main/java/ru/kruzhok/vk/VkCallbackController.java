package ru.kruzhok.vk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.kruzhok.channel.PlatformHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VK's Callback API: VK POSTs each community event here with the server's {@code secret} in the
 * body. A call without the right secret is refused before anything else; the {@code confirmation}
 * event is answered with VK_CALLBACK_CONFIRMATION; every other event gets VK's "ok" after it was
 * handled, so VK retries what we could not handle.
 */
@RestController
@Conditional(VkConditions.CallbackEndpoint.class)
class VkCallbackController {

    private static final Logger log = LoggerFactory.getLogger(VkCallbackController.class);

    private final VkIntake intake;
    private final VkProperties properties;
    private final byte[] secret;
    private final JsonMapper json = JsonMapper.builder().build();

    VkCallbackController(VkIntake intake, VkProperties properties) {
        this.intake = intake;
        this.properties = properties;
        this.secret = properties.callbackSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = "${kruzhok.vk.callback-path:/vk/callback}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@RequestBody(required = false) byte[] body) {
        JsonNode event;
        try {
            event = body == null ? null : json.readTree(body);
        } catch (Exception e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return ResponseEntity.badRequest().body("not a VK event");
        }
        String given = PlatformHttp.text(event, "secret");
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("wrong secret");
        }
        if (!String.valueOf(properties.groupId()).equals(PlatformHttp.text(event, "group_id"))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("another community");
        }
        if ("confirmation".equals(PlatformHttp.text(event, "type"))) {
            return properties.callbackMode() ? ResponseEntity.ok(properties.callbackConfirmation())
                    : ResponseEntity.status(HttpStatus.NOT_FOUND).body("no confirmation configured");
        }
        try {
            intake.accept(event).get(25, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("VK callback event not handled in time: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("try again");
        }
        return ResponseEntity.ok("ok");
    }
}
