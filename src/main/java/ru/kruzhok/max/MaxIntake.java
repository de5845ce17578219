package ru.kruzhok.max;

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
 * Where MAX updates enter the core, by long polling or webhook: a button press is answered at once
 * ({@code POST /answers}, so the client stops waiting; counted in the send budget like any call),
 * and the update goes to the dispatcher.
 */
class MaxIntake {

    private static final Logger log = LoggerFactory.getLogger(MaxIntake.class);

    private final MaxUpdates translator = new MaxUpdates();
    private final UpdateDispatcher dispatcher;
    private final MaxApi api;
    private final ObjectProvider<SendCounter> budget;

    MaxIntake(UpdateDispatcher dispatcher, MaxApi api, ObjectProvider<SendCounter> budget) {
        this.dispatcher = dispatcher;
        this.api = api;
        this.budget = budget;
    }

    /** Completes when the update has been handled (or ignored). */
    CompletableFuture<Void> accept(JsonNode update) {
        if ("message_callback".equals(PlatformHttp.text(update, "update_type"))) {
            acknowledge(PlatformHttp.text(update.path("callback"), "callback_id"));
        }
        return translator.translate(update)
                .map(dispatcher::dispatch)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    private void acknowledge(String callbackId) {
        if (callbackId == null) {
            return;
        }
        try (SendCounter.Permit counted = SendCounter.interactive(budget.getIfAvailable(), MaxUpdates.CHANNEL)) {
            var response = api.answer(callbackId, Map.of("notification", ""));
            if (!response.ok()) {
                log.debug("MAX /answers answered {}", response.status());
            }
        } catch (Exception e) {
            log.debug("MAX /answers failed: {}", e.toString());
        }
    }
}
