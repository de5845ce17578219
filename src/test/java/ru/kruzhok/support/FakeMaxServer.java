package ru.kruzhok.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * A small fake of the MAX Bot API on localhost: it hands out updates through {@code GET /updates}
 * (marker acknowledges, as MAX does), records {@code POST /messages}, {@code PUT /messages},
 * {@code POST /answers} and uploads, checks the {@code Authorization} token, and can answer 429 or
 * 403 (a person who blocked the bot) and enforce MAX's 30 requests a second.
 */
public final class FakeMaxServer extends FakePlatformServer {

    public static final String TOKEN = "max-test-token";

    private final List<Map<String, Object>> updates = new ArrayList<>();
    private final AtomicLong nextSeq = new AtomicLong(1);
    private final AtomicInteger nextMid = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile int lastBatchPoll = -1;
    private final Map<String, String> chatOfMid = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Set<String> rateLimitOnce = new HashSet<>();

    public FakeMaxServer() throws IOException {
        super();
    }

    // ---- feeding updates -----------------------------------------------------------------

    /** A person writes {@code text} in their dialog with the bot; returns the message id. */
    public String sendText(long userId, String text) {
        String mid = "mid.in." + nextMid.incrementAndGet();
        enqueue(messageUpdate(userId, mid, text));
        return mid;
    }

    public Map<String, Object> messageUpdate(long userId, String mid, String text) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("mid", mid, "seq", nextMid.get(), "text", text));
        Map<String, Object> message = Map.of(
                "sender", Map.of("user_id", userId, "first_name", "Родитель", "is_bot", false),
                "recipient", Map.of("chat_id", -userId - 1_000_000, "chat_type", "dialog", "user_id", 1),
                "timestamp", System.currentTimeMillis(), "body", body);
        return new LinkedHashMap<>(Map.of("update_type", "message_created", "timestamp", System.currentTimeMillis(),
                "message", message));
    }

    /** The person presses the start button, from a deep link with {@code payload} when not null. */
    public void botStarted(long userId, String payload) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("update_type", "bot_started");
        update.put("timestamp", System.currentTimeMillis() * 1000 + nextMid.incrementAndGet());
        update.put("chat_id", -userId - 1_000_000);
        update.put("user", Map.of("user_id", userId, "first_name", "Родитель", "is_bot", false));
        if (payload != null) {
            update.put("payload", payload);
        }
        enqueue(update);
    }

    /** The person presses a callback button carrying {@code payload} under the bot's message {@code mid}. */
    public String pressButton(long userId, String mid, String payload) {
        String callbackId = "cb." + nextMid.incrementAndGet();
        enqueue(Map.of("update_type", "message_callback", "timestamp", System.currentTimeMillis(),
                "callback", Map.of("callback_id", callbackId, "payload", payload, "timestamp", System.currentTimeMillis(),
                        "user", Map.of("user_id", userId, "first_name", "Родитель", "is_bot", false)),
                "message", Map.of("recipient", Map.of("chat_id", -userId - 1_000_000, "chat_type", "dialog"),
                        "body", Map.of("mid", mid, "text", "…"))));
        return callbackId;
    }

    /** Queues an update (again, when it was queued before: MAX delivering it twice). */
    public synchronized void enqueue(Map<String, Object> update) {
        Map<String, Object> withSeq = new LinkedHashMap<>(update);
        withSeq.put("_seq", nextSeq.getAndIncrement());
        updates.add(withSeq);
        notifyAll();
    }

    /** Returns once every update queued so far was handed out and the bot polled again (so it handled them). */
    public void awaitPollerIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (this) {
            while (!updates.isEmpty() || polls.get() <= lastBatchPoll) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The bot did not finish its MAX updates");
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

    /** The next message to the chat answers 429, as MAX does above its request limit. */
    public synchronized void rateLimitNext(long userId) {
        rateLimitOnce.add(String.valueOf(userId));
    }

    /** From now on every message to the chat answers 403, as for a person who blocked the bot. */
    public void block(long userId) {
        blocked.add(String.valueOf(userId));
    }

    @Override
    protected synchronized void resetScripts() {
        blocked.clear();
        rateLimitOnce.clear();
    }

    @Override
    protected String sendMethod() {
        return "send";
    }

    @Override
    protected String editMethod() {
        return "edit";
    }

    public List<Call> messagesTo(long userId) {
        return messagesTo(String.valueOf(userId));
    }

    public List<Call> deliveredTo(long userId) {
        return deliveredTo(String.valueOf(userId));
    }

    public List<Call> awaitDelivered(long userId, int count) {
        return awaitDelivered(String.valueOf(userId), count);
    }

    // ---- the HTTP side ---------------------------------------------------------------------

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        if (path.startsWith("/upload/")) {
            exchange.getRequestBody().readAllBytes();
            record(new Call("upload", null, Map.of(), System.nanoTime()));
            respond(exchange, 200, Map.of("token", "tok" + path.substring(8)));
            return;
        }
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("code", "verify.token", "message", "Invalid access_token"));
            return;
        }
        byte[] raw = exchange.getRequestBody().readAllBytes();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = raw.length == 0 ? Map.of() : JSON.readValue(raw, Map.class);
        switch (method + " " + path) {
            case "GET /updates" -> respond(exchange, 200, poll(query));
            case "POST /messages" -> sendMessage(exchange, query, body);
            case "PUT /messages" -> editMessage(exchange, query, body);
            case "POST /answers" -> {
                if (!withinRate()) {
                    record(new Call("answer#429", null, Map.of("callback_id", query.get("callback_id")), System.nanoTime()));
                    respond(exchange, 429, Map.of("code", "too.many.requests", "message", "Too many requests"));
                    return;
                }
                record(new Call("answer", null, Map.of("callback_id", query.get("callback_id")), System.nanoTime()));
                respond(exchange, 200, Map.of("success", true));
            }
            case "POST /uploads" -> respond(exchange, 200, Map.of("url", url() + "/upload/" + nextMid.incrementAndGet()));
            case "POST /subscriptions" -> {
                record(new Call("subscribe", null, body, System.nanoTime()));
                respond(exchange, 200, Map.of("success", true));
            }
            default -> respond(exchange, 404, Map.of("code", "not.found", "message", "no such method"));
        }
    }

    private void sendMessage(HttpExchange exchange, Map<String, String> query, Map<String, Object> body) throws IOException {
        String chat = query.containsKey("user_id") ? query.get("user_id") : query.get("chat_id");
        Map<String, Object> params = params(body);
        boolean limited;
        synchronized (this) {
            limited = rateLimitOnce.remove(chat);
        }
        if (limited || !withinRate()) {
            record(new Call("send#429", chat, params, System.nanoTime()));
            respond(exchange, 429, Map.of("code", "too.many.requests", "message", "Too many requests"));
            return;
        }
        if (blocked.contains(chat)) {
            record(new Call("send#403", chat, params, System.nanoTime()));
            respond(exchange, 403, Map.of("code", "chat.denied", "message", "chat.denied: dialog is blocked"));
            return;
        }
        String mid = "mid.out." + nextMid.incrementAndGet();
        chatOfMid.put(mid, chat);
        params.put("mid", mid);
        record(new Call("send", chat, params, System.nanoTime()));
        respond(exchange, 200, Map.of("message", Map.of(
                "recipient", Map.of("chat_type", "dialog", "user_id", chat),
                "body", Map.of("mid", mid, "text", String.valueOf(body.get("text"))))));
    }

    private void editMessage(HttpExchange exchange, Map<String, String> query, Map<String, Object> body) throws IOException {
        String mid = query.get("message_id");
        String chat = chatOfMid.get(mid);
        Map<String, Object> params = params(body);
        params.put("mid", mid);
        if (!withinRate()) {
            record(new Call("edit#429", chat, params, System.nanoTime()));
            respond(exchange, 429, Map.of("code", "too.many.requests", "message", "Too many requests"));
            return;
        }
        if (chat == null) {
            respond(exchange, 404, Map.of("code", "not.found", "message", "message not found"));
            return;
        }
        record(new Call("edit", chat, params, System.nanoTime()));
        respond(exchange, 200, Map.of("success", true));
    }

    /** The message's text and format, its buttons flattened (label, payload or url) and attachment types. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> body) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", body.get("text"));
        params.put("format", body.get("format"));
        List<Map<String, Object>> buttons = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) body.getOrDefault("attachments", List.of())) {
            types.add(String.valueOf(a.get("type")));
            if ("inline_keyboard".equals(a.get("type"))) {
                Map<String, Object> payload = (Map<String, Object>) a.get("payload");
                for (List<Map<String, Object>> row : (List<List<Map<String, Object>>>) payload.get("buttons")) {
                    for (Map<String, Object> b : row) {
                        Map<String, Object> flat = new LinkedHashMap<>();
                        flat.put("label", b.get("text"));
                        flat.put("type", b.get("type"));
                        flat.put("payload", b.get("payload"));
                        flat.put("url", b.get("url"));
                        buttons.add(flat);
                    }
                }
            }
        }
        params.put("_buttons", buttons);
        params.put("_attachments", types);
        return params;
    }

    private synchronized Map<String, Object> poll(Map<String, String> query) {
        int poll = polls.incrementAndGet();
        long marker = query.get("marker") == null ? 0 : Long.parseLong(query.get("marker"));
        updates.removeIf(u -> (Long) u.get("_seq") < marker);
        int timeout = query.get("timeout") == null ? 0 : Integer.parseInt(query.get("timeout"));
        long deadline = System.currentTimeMillis() + Math.min(timeout, 1) * 1000L;
        while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        wake();
        if (updates.isEmpty()) {
            return Map.of("updates", List.of(), "marker", marker == 0 ? nextSeq.get() : marker);
        }
        int limit = query.get("limit") == null ? 100 : Integer.parseInt(query.get("limit"));
        List<Map<String, Object>> batch = new ArrayList<>(updates.subList(0, Math.min(limit, updates.size())));
        lastBatchPoll = poll;
        long next = (Long) batch.get(batch.size() - 1).get("_seq") + 1;
        List<Map<String, Object>> out = batch.stream().map(u -> {
            Map<String, Object> copy = new LinkedHashMap<>(u);
            copy.remove("_seq");
            return copy;
        }).toList();
        return Map.of("updates", out, "marker", next);
    }
}
