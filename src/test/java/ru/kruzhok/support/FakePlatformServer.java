package ru.kruzhok.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the fake MAX and VK API servers share: an HTTP server on 127.0.0.1, the calls the bot made
 * (recorded in order), waiting for a condition on them, and a platform's request limit enforced
 * over any sliding second as the platform does.
 */
public abstract class FakePlatformServer implements AutoCloseable {

    /** One recorded call: the method ("send", "edit", "answer", "messages.send", …), the chat, its parameters. */
    public record Call(String method, String chatId, Map<String, Object> params, long atNanos) {
        /** The message text, or null. */
        public String text() {
            Object v = params.get("text");
            return v == null ? null : String.valueOf(v);
        }

        /** Labels of the message's buttons, row by row, flattened. */
        @SuppressWarnings("unchecked")
        public List<String> buttonLabels() {
            return ((List<Map<String, Object>>) params.getOrDefault("_buttons", List.of())).stream()
                    .map(b -> String.valueOf(b.get("label"))).toList();
        }

        /** The payload of the callback button with this label (exact or contained), or null. */
        @SuppressWarnings("unchecked")
        public String payload(String label) {
            List<Map<String, Object>> buttons = (List<Map<String, Object>>) params.getOrDefault("_buttons", List.of());
            return buttons.stream().filter(b -> label.equals(b.get("label"))).findFirst()
                    .or(() -> buttons.stream().filter(b -> String.valueOf(b.get("label")).contains(label)).findFirst())
                    .map(b -> (String) b.get("payload")).orElse(null);
        }

        public boolean refused() {
            return method.contains("#");
        }
    }

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Long> window = new ArrayDeque<>();
    private final AtomicInteger rateRejections = new AtomicInteger();
    private int enforcedRate;

    protected FakePlatformServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException e) {
                respond(exchange, 500, Map.of("error", e.toString()));
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * From now on accept at most {@code perSecond} counted calls in any sliding second and refuse
     * those above, as the platform does; 0 turns it off.
     */
    public synchronized void enforceRate(int perSecond) {
        enforcedRate = perSecond;
        window.clear();
        rateRejections.set(0);
    }

    /** How many calls the enforced rate refused. */
    public int rateRejections() {
        return rateRejections.get();
    }

    /** True when the call fits the enforced rate (and counts it); false when it must be refused. */
    protected synchronized boolean withinRate() {
        if (enforcedRate <= 0) {
            return true;
        }
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
            window.pollFirst();
        }
        if (window.size() >= enforcedRate) {
            rateRejections.incrementAndGet();
            return false;
        }
        window.addLast(now);
        return true;
    }

    protected synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    protected synchronized void wake() {
        notifyAll();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Messages sent or edited in the chat, refused attempts included ("send#429"), in order. */
    public synchronized List<Call> messagesTo(String chatId) {
        return calls.stream().filter(c -> chatId.equals(c.chatId()))
                .filter(c -> c.method().startsWith(sendMethod()) || c.method().startsWith(editMethod())).toList();
    }

    /** Messages that reached the chat (sent or edited), without refused attempts. */
    public List<Call> deliveredTo(String chatId) {
        return messagesTo(chatId).stream().filter(c -> !c.refused()).toList();
    }

    /** Waits for at least {@code count} delivered messages in the chat and returns them. */
    public List<Call> awaitDelivered(String chatId, int count) {
        await(all -> deliveredTo(chatId).size() >= count, Duration.ofSeconds(15));
        return deliveredTo(chatId);
    }

    /** Waits until {@code condition} holds for the calls so far, or fails after {@code timeout}. */
    public List<Call> await(Predicate<List<Call>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!condition.test(calls)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out waiting; calls so far: " + describe());
                }
                try {
                    wait(Math.max(1, Math.min(100, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return List.copyOf(calls);
        }
    }

    public synchronized void reset() {
        calls.clear();
        enforcedRate = 0;
        window.clear();
        resetScripts();
    }

    protected abstract void resetScripts();

    /** The method name of a sent message in this platform's records. */
    protected abstract String sendMethod();

    protected abstract String editMethod();

    private String describe() {
        StringBuilder sb = new StringBuilder();
        int from = Math.max(0, calls.size() - 40);
        for (Call c : calls.subList(from, calls.size())) {
            String text = c.text() == null ? "" : c.text();
            sb.append("\n  ").append(c.method()).append(' ').append(c.chatId()).append(' ')
                    .append(text, 0, Math.min(60, text.length()));
        }
        return sb.toString();
    }

    protected static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    protected static void respond(HttpExchange exchange, int code, Object body) throws IOException {
        byte[] bytes = (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body instanceof String ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
