package ru.kruzhok.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small fake of the Telegram Bot API on localhost, for tests that drive the bot through the real
 * TelegramBots client. It feeds updates through getUpdates, records every call (sendMessage and
 * friends), and can answer 429 with retry_after or 403 for a chat that blocked the bot.
 */
public final class FakeTelegramServer implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-TOKEN";

    /** One recorded Bot API call: the method name and its parameters (JSON body or form fields). */
    public record Call(String method, Map<String, Object> params, long atNanos) {
        public String chatId() {
            Object v = params.get("chat_id");
            return v == null ? null : String.valueOf(v);
        }

        public String text() {
            Object v = params.containsKey("text") ? params.get("text") : params.get("caption");
            return v == null ? null : String.valueOf(v);
        }

        /**
         * The bytes of an uploaded file field (sendPhoto's "photo", sendDocument's "document"), or null;
         * follows "attach://name", which TelegramBots uses to point a field at a file part.
         */
        public byte[] fileBytes(String field) {
            Object value = params.get(field);
            if (value instanceof String s && s.startsWith("attach://")) {
                return (byte[]) params.get(s.substring("attach://".length()) + "_bytes");
            }
            return (byte[]) params.get(field + "_bytes");
        }

        /** The photos of a sendMediaGroup call, in order, with their captions and uploaded bytes. */
        @SuppressWarnings("unchecked")
        public List<AlbumPhoto> album() {
            Object media = params.get("media");
            if (media == null) {
                return List.of();
            }
            try {
                List<Map<String, Object>> items = media instanceof List<?> l ? (List<Map<String, Object>>) l
                        : JSON.readValue(String.valueOf(media), List.class);
                List<AlbumPhoto> out = new ArrayList<>();
                for (Map<String, Object> item : items) {
                    String ref = String.valueOf(item.get("media"));
                    byte[] bytes = ref.startsWith("attach://") ? (byte[]) params.get(ref.substring(9) + "_bytes") : null;
                    out.add(new AlbumPhoto(String.valueOf(item.get("type")),
                            item.get("caption") == null ? null : String.valueOf(item.get("caption")), bytes));
                }
                return out;
            } catch (IOException e) {
                throw new AssertionError("media is not a JSON list: " + media, e);
            }
        }

        /** Labels of the inline keyboard's buttons, row by row, flattened. */
        @SuppressWarnings("unchecked")
        public List<String> buttonLabels() {
            return buttons().stream().map(b -> String.valueOf(b.get("text"))).toList();
        }

        /** The callback data of the button with this label, or null. */
        public String callbackData(String label) {
            return buttons().stream().filter(b -> label.equals(b.get("text")))
                    .map(b -> (String) b.get("callback_data")).findFirst().orElse(null);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> buttons() {
            Object markup = params.get("reply_markup");
            if (markup instanceof String s) {
                try {
                    markup = JSON.readValue(s, Map.class);
                } catch (IOException e) {
                    return List.of();
                }
            }
            if (!(markup instanceof Map<?, ?> m) || !(m.get("inline_keyboard") instanceof List<?> rows)) {
                return List.of();
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object row : rows) {
                for (Object b : (List<Object>) row) {
                    out.add((Map<String, Object>) b);
                }
            }
            return out;
        }
    }

    /** One photo of an album: its type ("photo"), caption (HTML) and the uploaded bytes. */
    public record AlbumPhoto(String type, String caption, byte[] content) {
    }

    /** A file a person sent, as getFile and the file download serve it. */
    private record StoredFile(String path, byte[] content) {
    }

    private record Scripted(String method, String chatId, int code, String description, Integer retryAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Bot API lets bots download files of at most 20 MB. */
    private static final int MAX_BOT_DOWNLOAD = 20 * 1024 * 1024;
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Pattern FILE_PATH = Pattern.compile("/file/bot([^/]+)/(.+)");

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final List<Map<String, Object>> updates = new ArrayList<>();
    /** Updates handed out again regardless of the poller's offset, as Telegram does when it redelivers. */
    private final List<Map<String, Object>> redelivered = new ArrayList<>();
    private final Map<String, Integer> lastSentMessageId = new ConcurrentHashMap<>();
    /** Files people sent, by file_id. */
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final AtomicInteger getUpdatesCalls = new AtomicInteger();
    /** Every update handed out by getUpdates, by id, so it can be redelivered. */
    private final Map<Integer, Map<String, Object>> delivered = new HashMap<>();
    /** The number of the getUpdates call that handed out the last non-empty batch. */
    private int lastBatchCall;
    /**
     * The highest getUpdates offset the bot has sent: it confirms every update below it, and the
     * poller confirms an update only once the dispatcher has handled it and handed its replies on.
     */
    private int confirmedOffset;
    /** Sends (send*, edit*) accepted in the last second, when a rate is enforced. */
    private final Deque<Long> window = new ArrayDeque<>();
    private volatile int enforcedRate;
    private final AtomicInteger rateRejections = new AtomicInteger();
    private static final int DROP = -1;
    private static final int HANG = -2;
    private volatile Duration hangFor = Duration.ZERO;
    private volatile boolean forgetOnceFetched;

    public FakeTelegramServer() throws IOException {
        // Without TCP_NODELAY the JDK server's two writes per response meet the client's delayed ACK:
        // ~40 ms per Bot API call, which would swamp every latency a test measures.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- feeding updates -------------------------------------------------------------------

    /** A parent (user id = chat id) types {@code text} in a private chat; returns the update id. */
    public int sendText(long chatId, String text) {
        return enqueue(messageUpdate(chatId, "private", chatId, text, null));
    }

    /**
     * A person (user id = chat id) sends a document with a caption in a private chat; getFile and the
     * file download path then serve its bytes, as Telegram does. Returns the update id.
     */
    public int sendDocument(long chatId, String fileName, String mimeType, byte[] content, String caption) {
        String fileId = "doc-" + chatId + "-" + nextMessageId.incrementAndGet();
        files.put(fileId, new StoredFile("documents/" + fileId + "-" + fileName, content));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("document", Map.of("file_id", fileId, "file_unique_id", "u" + fileId, "file_name", fileName,
                "mime_type", mimeType, "file_size", content.length));
        if (caption != null) {
            extra.put("caption", caption);
        }
        return enqueue(messageUpdate(chatId, "private", chatId, null, extra));
    }

    /**
     * A person (user id = chat id) sends a message with Telegram formatting entities
     * ({@code {"type": "bold", "offset": 0, "length": 5}}) in a private chat.
     */
    public int sendFormatted(long chatId, String text, List<Map<String, Object>> entities) {
        return enqueue(messageUpdate(chatId, "private", chatId, text, Map.of("entities", entities)));
    }

    /**
     * A person sends a photo with a caption (and its formatting entities) in a private chat; getFile
     * and the file download path then serve the largest size's bytes, as Telegram does.
     */
    public int sendPhoto(long chatId, byte[] photo, String caption, List<Map<String, Object>> captionEntities) {
        String fileId = "photo-" + chatId + "-" + nextMessageId.incrementAndGet();
        files.put(fileId, new StoredFile("photos/" + fileId + ".jpg", photo));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("photo", List.of(
                Map.of("file_id", fileId + "-small", "file_unique_id", "u" + fileId + "s", "width", 90, "height", 90,
                        "file_size", 10),
                Map.of("file_id", fileId, "file_unique_id", "u" + fileId, "width", 800, "height", 600,
                        "file_size", photo.length)));
        if (caption != null) {
            extra.put("caption", caption);
            extra.put("caption_entities", captionEntities == null ? List.of() : captionEntities);
        }
        return enqueue(messageUpdate(chatId, "private", chatId, null, extra));
    }

    /** A parent presses the inline button carrying {@code data} under message {@code messageId}. */
    public int pressButton(long chatId, int messageId, String data) {
        return pressButton(chatId, chatId, messageId, data);
    }

    /** User {@code fromId} presses a button under a message in chat {@code chatId} (a group when negative). */
    public synchronized int pressButton(long chatId, long fromId, int messageId, String data) {
        int id = nextUpdateId.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", messageId);
        message.put("date", nowSeconds());
        message.put("chat", chatId < 0 ? Map.of("id", chatId, "type", "supergroup", "title", "МОЦ")
                : Map.of("id", chatId, "type", "private", "first_name", "Parent"));
        message.put("text", "menu");
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("id", "cb" + id);
        callback.put("from", user(fromId));
        callback.put("message", message);
        callback.put("chat_instance", "ci" + chatId);
        callback.put("data", data);
        return enqueueWithId(id, Map.of("update_id", id, "callback_query", callback));
    }

    /**
     * Enqueues a raw update body (without update_id; it is assigned). Synchronized with the id
     * assignment, so updates fed from several threads are queued in update id order, as Telegram does.
     */
    public synchronized int enqueue(Map<String, Object> updateWithoutId) {
        return enqueueWithId(nextUpdateId.incrementAndGet(), updateWithoutId);
    }

    /**
     * Enqueues several raw updates (without update_id) at once, so one getUpdates answer carries them
     * all, as Telegram does for updates that arrived together; returns their update ids.
     */
    public synchronized List<Integer> enqueueAll(List<Map<String, Object>> updatesWithoutId) {
        List<Integer> ids = new ArrayList<>();
        for (Map<String, Object> update : updatesWithoutId) {
            ids.add(enqueueWithId(nextUpdateId.incrementAndGet(), update));
        }
        return ids;
    }

    /** Hands out the same update (same update id) once more: Telegram redelivering an update. */
    public synchronized void redeliver(int updateId) {
        Map<String, Object> original = delivered.get(updateId);
        if (original == null) {
            original = updates.stream().filter(u -> ((Integer) u.get("update_id")) == updateId)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no update " + updateId));
        }
        redelivered.add(original);
        notifyAll();
    }

    public Map<String, Object> messageUpdate(long chatId, String chatType, long fromId, String text,
                                             Map<String, Object> extra) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", nextMessageId.incrementAndGet());
        message.put("date", nowSeconds());
        message.put("chat", chatType.equals("private")
                ? Map.of("id", chatId, "type", "private", "first_name", "Parent")
                : Map.of("id", chatId, "type", chatType, "title", "Group"));
        message.put("from", user(fromId));
        if (text != null) {
            message.put("text", text);
        }
        if (extra != null) {
            message.putAll(extra);
        }
        return new LinkedHashMap<>(Map.of("message", message));
    }

    /** User {@code fromId} answers, in group {@code groupId}, the bot's message {@code botMessageId} (a Telegram reply). */
    public Map<String, Object> groupReplyUpdate(long groupId, long fromId, int botMessageId, String text) {
        Map<String, Object> replied = Map.of("message_id", botMessageId, "date", nowSeconds(), "text", "…",
                "from", Map.of("id", 1, "is_bot", true, "first_name", "Kruzhok"),
                "chat", Map.of("id", groupId, "type", "supergroup", "title", "Group"));
        return messageUpdate(groupId, "supergroup", fromId, text, Map.of("reply_to_message", replied));
    }

    private synchronized int enqueueWithId(int id, Map<String, Object> update) {
        Map<String, Object> withId = new LinkedHashMap<>(update);
        withId.put("update_id", id);
        updates.add(withId);
        notifyAll();
        return id;
    }

    // ---- scripting failures -----------------------------------------------------------------

    /** The next call of {@code method} to {@code chatId} (any chat when null) answers 429 with retry_after. */
    public synchronized void rateLimitNext(String method, String chatId, int retryAfterSeconds) {
        scripted.add(new Scripted(method, chatId, 429, "Too Many Requests: retry after " + retryAfterSeconds,
                retryAfterSeconds));
    }

    /** The next call of {@code method} to {@code chatId} fails with {@code code}. */
    public synchronized void failNext(String method, String chatId, int code, String description) {
        scripted.add(new Scripted(method, chatId, code, description, null));
    }

    /**
     * The next {@code times} calls of {@code method} to {@code chatId} (any chat when null) are read
     * and then the connection is closed without an answer, before anything is sent: a proxy or a
     * network dropping the request. Recorded as {@code method#dropped}.
     */
    public synchronized void dropNext(String method, String chatId, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(new Scripted(method, chatId, DROP, "dropped", null));
        }
    }

    /**
     * The next {@code times} calls of {@code method} to {@code chatId} are read and then held for
     * {@code hold} with no answer, and the connection is closed, before anything is sent: a Bot API
     * that stops answering. Recorded as {@code method#hung}.
     */
    public synchronized void hangNext(String method, String chatId, int times, Duration hold) {
        hangFor = hold;
        for (int i = 0; i < times; i++) {
            scripted.add(new Scripted(method, chatId, HANG, "hung", null));
        }
    }

    /** The next {@code times} calls of {@code method} to {@code chatId} answer {@code code} (e.g. 500, 502). */
    public synchronized void failNext(String method, String chatId, int code, int times) {
        for (int i = 0; i < times; i++) {
            scripted.add(new Scripted(method, chatId, code, code + " Internal Server Error", null));
        }
    }

    /**
     * Like some Bot API emulators: an update handed out once is forgotten at once, whatever offset
     * the next call sends. A bot that fetches before it can handle, or drops what it fetched, loses it.
     */
    public synchronized void forgetOnceFetched(boolean forget) {
        forgetOnceFetched = forget;
    }

    /** The id the next enqueued update will get. */
    public int peekNextUpdateId() {
        return nextUpdateId.get() + 1;
    }

    /** From now on every send to the chat answers 403, as for a parent who blocked the bot. */
    public void block(long chatId) {
        blocked.add(String.valueOf(chatId));
    }

    /** The parent unblocked the bot: sends to the chat succeed again. */
    public void unblock(long chatId) {
        blocked.remove(String.valueOf(chatId));
    }

    /**
     * Returns once every update fed so far has been handled: the poller asks for the next batch only
     * after handling the previous one, so a getUpdates call after the last non-empty batch, with
     * nothing left to hand out, means everything fed so far is done.
     */
    public void awaitPollerIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (this) {
            while (!updates.isEmpty() || !redelivered.isEmpty() || getUpdatesCalls.get() <= lastBatchCall) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The bot did not finish its updates; calls so far: " + describe());
                }
                try {
                    wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * Returns once the bot has handled update {@code updateId} (and every earlier one) and sent its
     * replies: the long poller confirms an update with the next getUpdates offset only after the
     * dispatcher finished it. The completion signal for a conversation step, instead of a pause.
     */
    public void awaitHandled(int updateId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (confirmedOffset <= updateId) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The bot did not finish update " + updateId + "; calls so far: " + describe());
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * From now on accept at most {@code perSecond} sends (send*, edit*) in any sliding second, across
     * all chats, and answer 429 (retry_after 1) above it, as Telegram does; 0 turns it off.
     */
    public synchronized void enforceRate(int perSecond) {
        enforcedRate = perSecond;
        window.clear();
        rateRejections.set(0);
    }

    /** How many 429s the enforced rate has answered. */
    public int rateRejections() {
        return rateRejections.get();
    }

    // ---- reading what the bot did ------------------------------------------------------------

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Messages sent or edited in the chat (sendMessage, editMessageText, sendPhoto, sendDocument), in order. */
    public synchronized List<Call> messagesTo(long chatId) {
        String id = String.valueOf(chatId);
        return calls.stream().filter(c -> id.equals(c.chatId()))
                .filter(c -> c.method().startsWith("send") || c.method().startsWith("edit")).toList();
    }

    /** Messages that reached the chat (sent or edited), in order; unlike {@link #messagesTo} without refused calls. */
    public synchronized List<Call> deliveredTo(long chatId) {
        return messagesTo(chatId).stream().filter(c -> !c.method().contains("#")).toList();
    }

    /** Waits for at least {@code count} messages that reached the chat and returns them. */
    public List<Call> awaitDelivered(long chatId, int count) {
        String id = String.valueOf(chatId);
        await(all -> all.stream().filter(c -> id.equals(c.chatId())).filter(c -> !c.method().contains("#"))
                .filter(c -> c.method().startsWith("send") || c.method().startsWith("edit")).count() >= count,
                Duration.ofSeconds(15));
        return deliveredTo(chatId);
    }

    /** The message id the fake gave the last message sent to the chat (to press its buttons), or null. */
    public Integer lastMessageId(long chatId) {
        return lastSentMessageId.get(String.valueOf(chatId));
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
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return List.copyOf(calls);
        }
    }

    /** Waits for at least {@code count} messages in the chat and returns them. */
    public List<Call> awaitMessages(long chatId, int count) {
        await(all -> messagesToUnlocked(all, chatId).size() >= count, Duration.ofSeconds(15));
        return messagesTo(chatId);
    }

    /** True once the bot has polled at least {@code n} times (it is running and standing by for updates). */
    public int getUpdatesCalls() {
        return getUpdatesCalls.get();
    }

    public synchronized void reset() {
        calls.clear();
        scripted.clear();
        blocked.clear();
        enforcedRate = 0;
        window.clear();
    }

    private static List<Call> messagesToUnlocked(List<Call> all, long chatId) {
        String id = String.valueOf(chatId);
        return all.stream().filter(c -> id.equals(c.chatId()))
                .filter(c -> c.method().startsWith("send") || c.method().startsWith("edit")).toList();
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        for (Call c : calls) {
            sb.append("\n  ").append(c.method()).append(' ').append(c.chatId()).append(' ')
                    .append(c.text() == null ? "" : c.text().substring(0, Math.min(60, c.text().length())));
        }
        return sb.toString();
    }

    // ---- the HTTP side -----------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher file = FILE_PATH.matcher(exchange.getRequestURI().getPath());
            if (file.matches()) {
                serveFile(exchange, file.group(1), file.group(2));
                return;
            }
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!m.matches() || !TOKEN.equals(m.group(1))) {
                respond(exchange, 404, Map.of("ok", false, "error_code", 404, "description", "Not Found"));
                return;
            }
            String method = canonical(m.group(2));
            Map<String, Object> params = parse(exchange);
            if (method.equals("getUpdates")) {
                synchronized (this) {
                    getUpdatesCalls.incrementAndGet();
                    notifyAll();
                }
                respond(exchange, 200, Map.of("ok", true, "result", pollUpdates(params)));
                return;
            }
            Call call = new Call(method, params, System.nanoTime());
            Scripted failure = takeFailure(call);
            if (failure != null && failure.code() == DROP) {
                record(new Call(method + "#dropped", params, call.atNanos()));
                return; // closing the exchange without a response drops the connection
            }
            if (failure != null && failure.code() == HANG) {
                record(new Call(method + "#hung", params, call.atNanos()));
                try {
                    Thread.sleep(hangFor.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (failure != null) {
                Map<String, Object> body = new HashMap<>(Map.of("ok", false, "error_code", failure.code(),
                        "description", failure.description()));
                if (failure.retryAfter() != null) {
                    body.put("parameters", Map.of("retry_after", failure.retryAfter()));
                }
                record(new Call(method + "#" + failure.code(), params, call.atNanos()));
                respond(exchange, failure.code(), body);
                return;
            }
            Object result;
            try {
                result = result(method, params);
            } catch (IllegalArgumentException refused) {
                // What Telegram answers a request it cannot serve ("Bad Request: …").
                record(new Call(method + "#400", params, call.atNanos()));
                respond(exchange, 400, Map.of("ok", false, "error_code", 400, "description", refused.getMessage()));
                return;
            }
            if (result instanceof Map<?, ?> message && message.get("message_id") != null) {
                params.put("_sent_message_id", message.get("message_id"));
            }
            record(call);
            respond(exchange, 200, Map.of("ok", true, "result", result));
        } catch (Exception e) {
            respond(exchange, 500, Map.of("ok", false, "error_code", 500, "description", e.toString()));
        }
    }

    private void serveFile(HttpExchange exchange, String token, String path) throws IOException {
        StoredFile stored = !TOKEN.equals(token) ? null : files.values().stream()
                .filter(f -> f.path().equals(path)).findFirst().orElse(null);
        synchronized (this) {
            record(new Call("downloadFile", new LinkedHashMap<>(Map.of("file_path", path)), System.nanoTime()));
        }
        if (stored == null) {
            respond(exchange, 404, Map.of("ok", false, "error_code", 404, "description", "Not Found"));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, stored.content().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(stored.content());
        }
    }

    private static final List<String> METHODS = List.of("getUpdates", "getMe", "sendMessage", "editMessageText",
            "editMessageReplyMarkup", "sendPhoto", "sendDocument", "sendMediaGroup", "answerCallbackQuery",
            "setMyCommands", "deleteMyCommands", "setWebhook", "deleteWebhook", "getFile", "sendChatAction",
            "createForumTopic", "sendVoice");

    /** The client may spell method names in lower case; tests use the API's camel case. */
    private static String canonical(String method) {
        return METHODS.stream().filter(known -> known.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    private synchronized Scripted takeFailure(Call call) {
        if (call.chatId() != null && blocked.contains(call.chatId())
                && (call.method().startsWith("send") || call.method().startsWith("edit"))) {
            return new Scripted(call.method(), call.chatId(), 403, "Forbidden: bot was blocked by the user", null);
        }
        if (enforcedRate > 0 && (call.method().startsWith("send") || call.method().startsWith("edit"))) {
            long now = call.atNanos();
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= enforcedRate) {
                rateRejections.incrementAndGet();
                return new Scripted(call.method(), call.chatId(), 429, "Too Many Requests: retry after 1", 1);
            }
            window.addLast(now);
        }
        for (var it = scripted.iterator(); it.hasNext(); ) {
            Scripted s = it.next();
            if (s.method().equals(call.method()) && (s.chatId() == null || s.chatId().equals(call.chatId()))) {
                it.remove();
                return s;
            }
        }
        return null;
    }

    private synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    private synchronized List<Map<String, Object>> pollUpdates(Map<String, Object> params) throws InterruptedException {
        int offset = params.get("offset") == null ? 0 : Integer.parseInt(String.valueOf(params.get("offset")));
        if (offset > confirmedOffset) {
            confirmedOffset = offset;
            notifyAll();
        }
        int timeout = params.get("timeout") == null ? 0 : Integer.parseInt(String.valueOf(params.get("timeout")));
        long deadline = System.currentTimeMillis() + Math.min(timeout, 1) * 1000L;
        while (true) {
            List<Map<String, Object>> pending = new ArrayList<>(redelivered);
            for (Map<String, Object> u : updates) {
                if ((Integer) u.get("update_id") >= offset) {
                    pending.add(u);
                }
            }
            updates.removeIf(u -> (Integer) u.get("update_id") < offset);
            if (!pending.isEmpty()) {
                // at most `limit` (100) a call, like Telegram; the rest waits for the next call
                int limit = params.get("limit") == null ? 100 : Integer.parseInt(String.valueOf(params.get("limit")));
                List<Map<String, Object>> batch = List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
                // As Telegram: an update stays until a later call's offset confirms it (removeIf above),
                // so a bot that cannot get past a batch is handed the same batch again.
                redelivered.removeAll(batch);
                if (forgetOnceFetched) {
                    updates.removeAll(batch);
                }
                batch.forEach(u -> delivered.put((Integer) u.get("update_id"), u));
                lastBatchCall = getUpdatesCalls.get();
                return batch;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return List.of();
            }
            wait(left);
        }
    }

    private Object result(String method, Map<String, Object> params) {
        return switch (method) {
            case "getMe" -> user(1);
            case "createForumTopic" -> forumTopic(params);
            case "sendMessage", "sendPhoto", "sendDocument", "sendVoice", "editMessageText" -> {
                Map<String, Object> message = new LinkedHashMap<>();
                Object existing = params.get("message_id");
                message.put("message_id", existing != null ? Integer.parseInt(String.valueOf(existing))
                        : nextMessageId.incrementAndGet());
                message.put("date", nowSeconds());
                message.put("chat", Map.of("id", Long.parseLong(String.valueOf(params.get("chat_id"))), "type", "private"));
                if (params.get("text") != null) {
                    message.put("text", params.get("text"));
                }
                if (method.equals("sendPhoto") || method.equals("sendDocument")) {
                    attachSentFile(method.equals("sendPhoto") ? "photo" : "document", params, message);
                }
                if (params.get("message_thread_id") != null) {
                    message.put("message_thread_id", Integer.parseInt(String.valueOf(params.get("message_thread_id"))));
                    message.put("is_topic_message", true);
                }
                lastSentMessageId.put(String.valueOf(params.get("chat_id")), (Integer) message.get("message_id"));
                yield message;
            }
            case "sendMediaGroup" -> {
                List<Map<String, Object>> messages = new ArrayList<>();
                Object chat = params.get("chat_id");
                int count = new Call(method, params, 0).album().size();
                for (int i = 0; i < count; i++) {
                    int id = nextMessageId.incrementAndGet();
                    messages.add(Map.of("message_id", id, "date", nowSeconds(), "media_group_id", "g" + chat,
                            "chat", Map.of("id", Long.parseLong(String.valueOf(chat)), "type", "private")));
                    lastSentMessageId.put(String.valueOf(chat), id);
                }
                yield messages;
            }
            case "getFile" -> {
                String fileId = String.valueOf(params.get("file_id"));
                StoredFile stored = files.get(fileId);
                if (stored == null) {
                    throw new IllegalArgumentException("Bad Request: invalid file_id");
                }
                if (stored.content().length > MAX_BOT_DOWNLOAD) {
                    throw new IllegalArgumentException("Bad Request: file is too big");
                }
                yield Map.of("file_id", fileId, "file_unique_id", "u" + fileId, "file_size", stored.content().length,
                        "file_path", stored.path());
            }
            default -> true;
        };
    }

    /**
     * As Telegram does: an uploaded file gets a file_id, answered in the sent message, that later
     * sends may use instead of the bytes; an unknown file_id is refused.
     */
    private void attachSentFile(String field, Map<String, Object> params, Map<String, Object> message) {
        byte[] uploaded = new Call(field, params, 0).fileBytes(field);
        String fileId;
        if (uploaded != null) {
            fileId = "sent-" + nextMessageId.incrementAndGet();
            files.put(fileId, new StoredFile("sent/" + fileId, uploaded));
        } else {
            fileId = String.valueOf(params.get(field));
            if (!files.containsKey(fileId)) {
                throw new IllegalArgumentException("Bad Request: wrong file identifier/HTTP URL specified");
            }
        }
        int size = files.get(fileId).content().length;
        message.put(field, field.equals("photo")
                ? List.of(Map.of("file_id", fileId, "file_unique_id", "u" + fileId, "width", 800, "height", 600,
                        "file_size", size))
                : Map.of("file_id", fileId, "file_unique_id", "u" + fileId, "file_name", "file", "file_size", size));
    }

    /** Telegram no longer knows the files the bot uploaded: their file_ids are refused from now on. */
    public void forgetSentFiles() {
        files.keySet().removeIf(id -> id.startsWith("sent-"));
    }

    /**
     * The file a sendPhoto or sendDocument call sent in {@code field}: the bytes it uploaded or, when
     * it sent a file_id, the bytes uploaded under that id.
     */
    public byte[] sentFile(Call call, String field) {
        byte[] uploaded = call.fileBytes(field);
        if (uploaded != null) {
            return uploaded;
        }
        StoredFile stored = files.get(String.valueOf(call.params().get(field)));
        return stored == null ? null : stored.content();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, Object> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            params.putAll(form(query));
        }
        if (body.length == 0) {
            return params;
        }
        if (contentType.contains("json")) {
            params.putAll(JSON.readValue(body, Map.class));
        } else if (contentType.contains("multipart")) {
            params.putAll(multipart(body, contentType));
        } else {
            params.putAll(form(new String(body, StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static Map<String, Object> form(String encoded) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /**
     * Text fields of a multipart body; a file part is recorded as its size ("file:N"), its file name
     * ({@code name_filename}) and its bytes ({@code name_bytes}).
     */
    private static Map<String, Object> multipart(byte[] body, String contentType) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : raw.split(Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            Matcher name = Pattern.compile("\\bname=\"?([^\";\\r\\n]+)\"?").matcher(headers);
            if (!name.find()) {
                continue;
            }
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            if (headers.contains("filename=")) {
                out.put(name.group(1), "file:" + value.length());
                out.put(name.group(1) + "_bytes", value.getBytes(StandardCharsets.ISO_8859_1));
                Matcher fn = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
                if (fn.find()) {
                    out.put(name.group(1) + "_filename", fn.group(1));
                }
            } else {
                out.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int code, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> user(long id) {
        return Map.of("id", id, "is_bot", id == 1, "first_name", id == 1 ? "Kruzhok" : "Parent",
                "username", id == 1 ? "kruzhok_bot" : "parent" + id);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    // ---- forum topics and staff-group media (the support desk, issue 15) ---------------------

    /** Groups with topics on: createForumTopic works there and is refused elsewhere, as Telegram does. */
    private final Set<String> forums = ConcurrentHashMap.newKeySet();
    /** Topics created, as "chatId:threadId" → name. */
    private final Map<String, String> topics = new ConcurrentHashMap<>();

    /** Turns topics on in a group (a forum supergroup). */
    public void enableTopics(long groupId) {
        forums.add(String.valueOf(groupId));
    }

    private Object forumTopic(Map<String, Object> params) {
        String chat = String.valueOf(params.get("chat_id"));
        if (!forums.contains(chat)) {
            throw new IllegalArgumentException("Bad Request: the chat is not a forum");
        }
        int thread = nextMessageId.incrementAndGet();
        topics.put(chat + ":" + thread, String.valueOf(params.get("name")));
        return Map.of("message_thread_id", thread, "name", String.valueOf(params.get("name")), "icon_color", 7322096);
    }

    /** The topics the bot created in a group, by thread id. */
    public Map<Integer, String> topicsOf(long groupId) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        topics.forEach((k, v) -> {
            if (k.startsWith(groupId + ":")) {
                out.put(Integer.parseInt(k.substring(k.indexOf(':') + 1)), v);
            }
        });
        return out;
    }

    /** The thread a sent message went to (message_thread_id), or null. */
    public static Integer threadOf(Call call) {
        Object thread = call.params().get("message_thread_id");
        return thread == null ? null : Integer.parseInt(String.valueOf(thread));
    }

    /** The message a sent message replies to (reply_parameters.message_id), or null. */
    @SuppressWarnings("unchecked")
    public static Integer replyToOf(Call call) {
        Object params = call.params().get("reply_parameters");
        if (params instanceof String json) {
            try {
                params = JSON.readValue(json, Map.class);
            } catch (IOException e) {
                return null;
            }
        }
        if (params instanceof Map<?, ?> map && map.get("message_id") != null) {
            return Integer.parseInt(String.valueOf(map.get("message_id")));
        }
        return null;
    }

    /**
     * User {@code fromId} writes in a group's forum topic {@code threadId} (not replying to a message:
     * Telegram then sets reply_to_message to the topic's first message).
     */
    public Map<String, Object> topicMessageUpdate(long groupId, long fromId, int threadId, String text) {
        Map<String, Object> topicStart = Map.of("message_id", threadId, "date", nowSeconds(),
                "chat", Map.of("id", groupId, "type", "supergroup", "title", "Group", "is_forum", true),
                "forum_topic_created", Map.of("name", "topic", "icon_color", 7322096));
        Map<String, Object> update = messageUpdate(groupId, "supergroup", fromId, text,
                Map.of("message_thread_id", threadId, "is_topic_message", true, "reply_to_message", topicStart));
        return update;
    }

    /**
     * User {@code fromId} sends a photo (with a caption) in a group, as a reply to the bot's message
     * {@code replyTo} (null: none) and in forum topic {@code threadId} (null: none); getFile serves it.
     */
    public Map<String, Object> groupPhotoUpdate(long groupId, long fromId, Integer replyTo, Integer threadId,
                                                byte[] photo, String caption) {
        String fileId = "gphoto-" + nextMessageId.incrementAndGet();
        files.put(fileId, new StoredFile("photos/" + fileId + ".jpg", photo));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("photo", List.of(Map.of("file_id", fileId, "file_unique_id", "u" + fileId, "width", 800,
                "height", 600, "file_size", photo.length)));
        if (caption != null) {
            extra.put("caption", caption);
        }
        addPlace(groupId, replyTo, threadId, extra);
        return messageUpdate(groupId, "supergroup", fromId, null, extra);
    }

    /** A person sends a voice message in a private chat ({@code chatId} positive) or a group; getFile serves it. */
    public Map<String, Object> voiceUpdate(long chatId, long fromId, Integer replyTo, Integer threadId, byte[] ogg) {
        String fileId = "voice-" + nextMessageId.incrementAndGet();
        files.put(fileId, new StoredFile("voice/" + fileId + ".oga", ogg));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("voice", Map.of("file_id", fileId, "file_unique_id", "u" + fileId, "duration", 3,
                "mime_type", "audio/ogg", "file_size", ogg.length));
        addPlace(chatId, replyTo, threadId, extra);
        return messageUpdate(chatId, chatId < 0 ? "supergroup" : "private", fromId, null, extra);
    }

    private void addPlace(long chatId, Integer replyTo, Integer threadId, Map<String, Object> extra) {
        if (replyTo != null) {
            extra.put("reply_to_message", Map.of("message_id", replyTo, "date", nowSeconds(), "text", "…",
                    "from", Map.of("id", 1, "is_bot", true, "first_name", "Kruzhok"),
                    "chat", Map.of("id", chatId, "type", "supergroup", "title", "Group")));
        }
        if (threadId != null) {
            extra.put("message_thread_id", threadId);
            extra.put("is_topic_message", true);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
