package ru.kruzhok.vk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.kruzhok.channel.LockedPoller;
import ru.kruzhok.channel.PlatformHttp;
import ru.kruzhok.channel.PollingLock;
import tools.jackson.databind.JsonNode;

/**
 * VK's Bots Long Poll ({@code groups.getLongPollServer}, then {@code a_check} waits) by the one
 * instance holding VK's {@link PollingLock}. The {@code ts} that moves past a batch is used only
 * after the batch was handled; {@code failed} 1 takes the new ts, 2 and 3 fetch a new server key.
 */
class VkLongPoller extends LockedPoller {

    private static final Logger log = LoggerFactory.getLogger(VkLongPoller.class);
    /** An arbitrary constant shared by all instances: "kruzhok vk polling". */
    static final long LOCK_KEY = 0x6b72757a766bL;

    private final VkApi api;
    private final VkIntake intake;
    private final VkProperties properties;
    private String server;
    private String key;
    private String ts;

    VkLongPoller(VkApi api, VkIntake intake, PollingLock lock, VkProperties properties) {
        super("VK", lock, properties.standbyRetry());
        this.api = api;
        this.intake = intake;
        this.properties = properties;
    }

    @Override
    protected void pollOnce() throws Exception {
        if (server == null) {
            VkApi.Result result = api.call("groups.getLongPollServer", Map.of("group_id", String.valueOf(properties.groupId())));
            if (!result.ok()) {
                throw new IOException("groups.getLongPollServer: VK error " + result.errorCode());
            }
            server = PlatformHttp.text(result.response(), "server");
            key = PlatformHttp.text(result.response(), "key");
            ts = PlatformHttp.text(result.response(), "ts");
        }
        JsonNode answer = api.check(server, key, ts, properties.pollWait());
        if (answer.has("failed")) {
            if (answer.path("failed").asInt() == 1 && answer.has("ts")) {
                ts = PlatformHttp.text(answer, "ts");
            } else {
                server = null;
            }
            return;
        }
        List<CompletableFuture<Void>> handled = new ArrayList<>();
        for (JsonNode event : answer.path("updates")) {
            handled.add(intake.accept(event));
        }
        try {
            CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("A batch of {} VK events took over 60 s; acknowledging it anyway", handled.size());
        }
        if (answer.has("ts")) {
            ts = PlatformHttp.text(answer, "ts");
        }
    }
}
