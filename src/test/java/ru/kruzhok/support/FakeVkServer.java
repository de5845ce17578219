package ru.kruzhok.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * A small fake of the VK API for a community on localhost: {@code groups.getLongPollServer} and a
 * Bots Long Poll server ({@code a_check}, ts acknowledges) that hands out events, and
 * {@code messages.send} (with VK's de-duplication by {@code random_id}), {@code messages.edit} and
 * {@code messages.sendMessageEventAnswer}, all recorded. It checks the community token, answers VK's
 * error codes 6 (too many requests), 9 (flood control) and 901 (the person does not allow messages),
 * and can enforce the community token's 20 requests a second.
 */
public final class FakeVkServer extends FakePlatformServer {

    public static final String TOKEN = "vk-test-community-token";
    public static final long GROUP_ID = 777;

    private final List<Map<String, Object>> events = new ArrayList<>();
    private final AtomicLong nextTs = new AtomicLong(1);
    private final AtomicInteger nextId = new AtomicInteger(1000);
    private final AtomicInteger polls = new AtomicInteger();
    private volatile int lastBatchPoll = -1;
    private final Map<String, String> sentByRandomId = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> errorOnce = new HashMap<>();

    public FakeVkServer() throws IOException {
        super();
    }

    // ---- feeding events ------------------------------------------------------------------

    /** A person writes {@code text} to the community; {@code ref} as from a vk.me link with ?ref=. */
    public Map<String, Object> messageEvent(long userId, String text, String ref) {
        int id = nextId.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("peer_id", userId);
        message.put("from_id", userId);
        message.put("text", text);
        message.put("conversation_message_id", id);
        if (ref != null) {
            message.put("ref", ref);
        }
        return new LinkedHashMap<>(Map.of("type", "message_new", "group_id", GROUP_ID, "event_id", "ev" + id,
                "v", "5.199", "object", Map.of("message", message, "client_info",
                        Map.of("keyboard", true, "inline_keyboard", true, "button_actions", List.of("callback", "open_link")))));
    }

    /** The person taps «Начать» in a new conversation (from a vk.me link with {@code ref} when not null). */
    @SuppressWarnings("unchecked")
    public void start(long userId, String ref) {
        Map<String, Object> event = messageEvent(userId, "Начать", ref);
        Map<String, Object> object = (Map<String, Object>) event.get("object");
        Map<String, Object> message = new LinkedHashMap<>((Map<String, Object>) object.get("message"));
        message.put("payload", "{\"command\":\"start\"}");
        event.put("object", Map.of("message", message, "client_info", object.get("client_info")));
        enqueue(event);
    }

    public void sendText(long userId, String text) {
        enqueue(messageEvent(userId, text, null));
    }

    /** The person presses a callback button carrying {@code payload} (the JSON VK got from the bot). */
    public Map<String, Object> buttonEvent(long userId, String payloadJson) {
        int id = nextId.incrementAndGet();
        Object payload;
        try {
            payload = JSON.readValue(payloadJson, Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return Map.of("type", "message_event", "group_id", GROUP_ID, "event_id", "ev" + id, "v", "5.199",
                "object", Map.of("user_id", userId, "peer_id", userId, "event_id", "evt" + id, "payload", payload,
                        "conversation_message_id", id));
    }

    public void pressButton(long userId, String payloadJson) {
        enqueue(buttonEvent(userId, payloadJson));
    }

    /** Queues an event (again, when it was queued before: VK delivering it twice). */
    public synchronized void enqueue(Map<String, Object> event) {
        Map<String, Object> withTs = new LinkedHashMap<>(event);
        withTs.put("_ts", nextTs.getAndIncrement());
        events.add(withTs);
        notifyAll();
    }

    /** Returns once every event queued so far was handed out and the bot polled again (so it handled them). */
    public void awaitPollerIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (this) {
            while (!events.isEmpty() || polls.get() <= lastBatchPoll) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The bot did not finish its VK events");
                }
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    // ---- scripting failures ----------------------------------------------------------------

    /** The next messages.send to the peer answers VK error {@code code} (6 too many requests, 9 flood control). */
    public synchronized void failNext(long peerId, int code) {
        errorOnce.put(String.valueOf(peerId), code);
    }

    /** From now on messages to the peer answer error 901, as for a person who does not allow messages. */
    public void block(long peerId) {
        blocked.add(String.valueOf(peerId));
    }

    @Override
    protected synchronized void resetScripts() {
        blocked.clear();
        errorOnce.clear();
    }

    @Override
    protected String sendMethod() {
        return "send";
    }

    @Override
    protected String editMethod() {
        return "edit";
    }

    public List<Call> messagesTo(long peerId) {
        return messagesTo(String.valueOf(peerId));
    }

    public List<Call> deliveredTo(long peerId) {
        return deliveredTo(String.valueOf(peerId));
    }

    public List<Call> awaitDelivered(long peerId, int count) {
        return awaitDelivered(String.valueOf(peerId), count);
    }

    // ---- the HTTP side ---------------------------------------------------------------------

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/lp")) {
            respond(exchange, 200, check(query(exchange.getRequestURI().getRawQuery())));
            return;
        }
        if (!path.startsWith("/method/")) {
            respond(exchange, 404, Map.of("error", "not found"));
            return;
        }
        String method = path.substring("/method/".length());
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!TOKEN.equals(form.get("access_token")) || form.get("v") == null) {
            respond(exchange, 200, error(5, "User authorization failed: invalid access_token"));
            return;
        }
        switch (method) {
            case "groups.getLongPollServer" -> respond(exchange, 200, Map.of("response",
                    Map.of("key", "key1", "server", url() + "/lp", "ts", String.valueOf(nextTs.get()))));
            case "messages.send" -> send(exchange, form);
            case "messages.edit" -> {
                String peer = form.get("peer_id");
                Map<String, Object> params = params(form);
                if (!withinRate()) {
                    record(new Call("edit#6", peer, params, System.nanoTime()));
                    respond(exchange, 200, error(6, "Too many requests per second"));
                    return;
                }
                record(new Call("edit", peer, params, System.nanoTime()));
                respond(exchange, 200, Map.of("response", 1));
            }
            case "messages.sendMessageEventAnswer" -> {
                boolean ok = withinRate();
                record(new Call(ok ? "answer" : "answer#6", form.get("peer_id"), Map.of("event_id", form.get("event_id")),
                        System.nanoTime()));
                respond(exchange, 200, ok ? Map.of("response", 1) : error(6, "Too many requests per second"));
            }
            default -> respond(exchange, 200, error(3, "Unknown method passed"));
        }
    }

    private void send(HttpExchange exchange, Map<String, String> form) throws IOException {
        String peer = form.get("peer_id");
        Map<String, Object> params = params(form);
        if (form.get("random_id") == null) {
            respond(exchange, 200, error(100, "One of the parameters specified was missing or invalid: random_id"));
            return;
        }
        Integer scripted;
        synchronized (this) {
            scripted = errorOnce.remove(peer);
        }
        if (scripted != null) {
            record(new Call("send#" + scripted, peer, params, System.nanoTime()));
            respond(exchange, 200, error(scripted, scripted == 9 ? "Flood control" : "Too many requests per second"));
            return;
        }
        if (!withinRate()) {
            record(new Call("send#6", peer, params, System.nanoTime()));
            respond(exchange, 200, error(6, "Too many requests per second"));
            return;
        }
        if (blocked.contains(peer)) {
            record(new Call("send#901", peer, params, System.nanoTime()));
            respond(exchange, 200, error(901, "Can't send messages for users without permission"));
            return;
        }
        String dedupe = peer + "/" + form.get("random_id");
        String existing = sentByRandomId.get(dedupe);
        if (existing != null) {
            // as VK: a repeated random_id sends nothing and answers the first message's id
            record(new Call("send#dup", peer, params, System.nanoTime()));
            respond(exchange, 200, Map.of("response", Integer.parseInt(existing)));
            return;
        }
        int id = nextId.incrementAndGet();
        sentByRandomId.put(dedupe, String.valueOf(id));
        params.put("message_id", id);
        record(new Call("send", peer, params, System.nanoTime()));
        respond(exchange, 200, Map.of("response", id));
    }

    /** The message's text, its keyboard's buttons flattened (label, payload JSON or link). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, String> form) throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", form.get("message"));
        params.put("random_id", form.get("random_id"));
        List<Map<String, Object>> buttons = new ArrayList<>();
        if (form.get("keyboard") != null) {
            Map<String, Object> keyboard = JSON.readValue(form.get("keyboard"), Map.class);
            params.put("_inline", keyboard.get("inline"));
            for (List<Map<String, Object>> row : (List<List<Map<String, Object>>>) keyboard.get("buttons")) {
                params.merge("_rows", 1, (a, b) -> (Integer) a + 1);
                for (Map<String, Object> b : row) {
                    Map<String, Object> action = (Map<String, Object>) b.get("action");
                    Map<String, Object> flat = new LinkedHashMap<>();
                    flat.put("label", action.get("label"));
                    flat.put("type", action.get("type"));
                    flat.put("payload", action.get("payload"));
                    flat.put("url", action.get("link"));
                    buttons.add(flat);
                }
            }
        }
        params.put("_buttons", buttons);
        return params;
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("error", Map.of("error_code", code, "error_msg", message));
    }

    private synchronized Map<String, Object> check(Map<String, String> query) {
        int poll = polls.incrementAndGet();
        if (!"key1".equals(query.get("key"))) {
            return Map.of("failed", 2);
        }
        long ts = Long.parseLong(query.getOrDefault("ts", "0"));
        events.removeIf(e -> (Long) e.get("_ts") < ts);
        int wait = Integer.parseInt(query.getOrDefault("wait", "0"));
        long deadline = System.currentTimeMillis() + Math.min(wait, 1) * 1000L;
        while (events.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        wake();
        if (events.isEmpty()) {
            return Map.of("ts", String.valueOf(ts), "updates", List.of());
        }
        List<Map<String, Object>> batch = new ArrayList<>(events.subList(0, Math.min(100, events.size())));
        lastBatchPoll = poll;
        long next = (Long) batch.get(batch.size() - 1).get("_ts") + 1;
        List<Map<String, Object>> out = batch.stream().map(e -> {
            Map<String, Object> copy = new LinkedHashMap<>(e);
            copy.remove("_ts");
            return copy;
        }).toList();
        return Map.of("ts", String.valueOf(next), "updates", out);
    }
}
