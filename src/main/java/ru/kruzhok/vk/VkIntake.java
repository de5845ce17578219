package ru.kruzhok.vk;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import ru.kruzhok.channel.PlatformHttp;
import ru.kruzhok.channel.SendCounter;
import ru.kruzhok.channel.UpdateDispatcher;
import tools.jackson.databind.JsonNode;

/**
 * Where VK events enter the core, by Bots Long Poll or the Callback API: a callback button press
 * ({@code message_event}) is answered at once with {@code messages.sendMessageEventAnswer} (so the
 * button stops spinning; counted in the send budget like any call), and the event goes to the
 * dispatcher.
 */
class VkIntake {

    private static final Logger log = LoggerFactory.getLogger(VkIntake.class);

    private final VkUpdates translator = new VkUpdates();
    private final UpdateDispatcher dispatcher;
    private final VkApi api;
    private final ObjectProvider<SendCounter> budget;

    VkIntake(UpdateDispatcher dispatcher, VkApi api, ObjectProvider<SendCounter> budget) {
        this.dispatcher = dispatcher;
        this.api = api;
        this.budget = budget;
    }

    /** Completes when the event has been handled (or ignored). */
    CompletableFuture<Void> accept(JsonNode event) {
        if ("message_event".equals(PlatformHttp.text(event, "type"))) {
            acknowledge(event.path("object"));
        }
        return translator.translate(event)
                .map(dispatcher::dispatch)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    private void acknowledge(JsonNode press) {
        String eventId = PlatformHttp.text(press, "event_id");
        String user = PlatformHttp.text(press, "user_id");
        String peer = PlatformHttp.text(press, "peer_id");
        if (eventId == null || user == null || peer == null) {
            return;
        }
        try (SendCounter.Permit counted = SendCounter.interactive(budget.getIfAvailable(), VkUpdates.CHANNEL)) {
            VkApi.Result result = api.call("messages.sendMessageEventAnswer",
                    Map.of("event_id", eventId, "user_id", user, "peer_id", peer));
            if (!result.ok()) {
                log.debug("sendMessageEventAnswer answered error {}", result.errorCode());
            }
        } catch (Exception e) {
            log.debug("sendMessageEventAnswer failed: {}", e.toString());
        }
    }
}
