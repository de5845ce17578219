package ru.kruzhok.max;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.kruzhok.channel.LockedPoller;
import ru.kruzhok.channel.PollingLock;
import ru.kruzhok.channel.PlatformHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Long polling of {@code GET /updates} by the one instance holding MAX's {@link PollingLock}. The
 * marker that acknowledges a batch is passed only after the whole batch was handled.
 */
class MaxLongPoller extends LockedPoller {

    private static final Logger log = LoggerFactory.getLogger(MaxLongPoller.class);
    /** An arbitrary constant shared by all instances: "kruzhok max polling". */
    static final long LOCK_KEY = 0x6b72757a6d6178L;

    private final MaxApi api;
    private final MaxIntake intake;
    private final MaxProperties properties;
    private Long marker;

    MaxLongPoller(MaxApi api, MaxIntake intake, PollingLock lock, MaxProperties properties) {
        super("MAX", lock, properties.standbyRetry());
        this.api = api;
        this.intake = intake;
        this.properties = properties;
    }

    @Override
    protected void pollOnce() throws Exception {
        Response response = api.updates(marker, properties.pollTimeout());
        if (!response.ok()) {
            throw new IOException("GET /updates answered " + response.status());
        }
        JsonNode updates = response.body().path("updates");
        List<CompletableFuture<Void>> handled = new ArrayList<>();
        for (JsonNode update : updates) {
            handled.add(intake.accept(update));
        }
        try {
            CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("A batch of {} MAX updates took over 60 s; acknowledging it anyway", handled.size());
        }
        JsonNode next = response.body().path("marker");
        if (next.isNumber()) {
            marker = next.asLong();
        }
    }
}
