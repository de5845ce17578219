package ru.kruzhok.max;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import ru.kruzhok.channel.AlbumItem;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.ChatUnreachable;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.MarkupHtml;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.PlatformCalls;
import ru.kruzhok.channel.PlatformHttp;
import ru.kruzhok.channel.PlatformHttp.Response;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.channel.SendLimit;

/**
 * Sends replies through the MAX Bot API: the bot's markup as MAX's HTML format, texts over 4,000
 * characters split, buttons as an inline keyboard (callback and link buttons), files and images
 * uploaded once and sent by token, "edit the last message" by {@code PUT /messages}. A 429 is waited
 * out once ({@link #deliver}) or reported ({@link #tryDeliver}); a 403 (the person blocked the bot)
 * marks the chat unreachable.
 */
class MaxChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(MaxChannel.class);
    /** MAX's longest message text. */
    static final int MESSAGE_LIMIT = 4000;
    /** MAX's keyboard limits: 7 buttons a row, 30 rows. */
    static final int ROW_LIMIT = 7;
    static final int ROWS_LIMIT = 30;

    private final MaxApi api;
    private final ApplicationEventPublisher events;
    private final Duration maxRetryAfter;
    /** The id of the bot's last message per chat, for {@link Reply.Mode#EDIT_LAST}. */
    private final Cache<String, String> lastMessage = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofHours(24)).build();
    /** Upload tokens by the very byte array sent (identity), so a broadcast photo goes up once. */
    private final Cache<byte[], String> uploaded = Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

    MaxChannel(MaxApi api, ApplicationEventPublisher events, Duration maxRetryAfter) {
        this.api = api;
        this.events = events;
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public String name() {
        return MaxUpdates.CHANNEL;
    }

    @Override
    public String displayName() {
        return "MAX";
    }

    @Override
    public SendLimit sendLimit() {
        return SendLimit.max();
    }

    /** Group chats are addressed by MAX's (negative) chat id, people by their (positive) user id. */
    @Override
    public boolean isPersonalChat(String chatId) {
        return !chatId.startsWith("-");
    }

    @Override
    public Delivery deliver(String chatId, Reply reply) {
        return send(chatId, reply, true);
    }

    @Override
    public Delivery tryDeliver(String chatId, Reply reply) {
        return send(chatId, reply, false);
    }

    @Override
    public Delivery edit(String chatId, String messageId, Reply reply) {
        String text = MarkupHtml.render(reply.text(), MESSAGE_LIMIT).get(0);
        return PlatformCalls.withOneWait(() -> editOnce(chatId, messageId, text, reply), true, maxRetryAfter);
    }

    @Override
    public Optional<byte[]> download(String fileRef) {
        try {
            return Optional.of(api.download(fileRef));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not download a file from MAX: {}", e.toString());
            return Optional.empty();
        }
    }

    private Delivery send(String chatId, Reply reply, boolean waitOnRateLimit) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<String> parts = MarkupHtml.render(reply.text(), MESSAGE_LIMIT);
        if (reply.file() == null && reply.album().isEmpty() && reply.mode() == Reply.Mode.EDIT_LAST && parts.size() == 1) {
            String editable = lastMessage.getIfPresent(chatId);
            if (editable != null) {
                Delivery edited = PlatformCalls.withOneWait(() -> editOnce(chatId, editable, parts.get(0), reply),
                        waitOnRateLimit, maxRetryAfter);
                if (edited.status() != Delivery.Status.FAILED) {
                    return edited;
                }
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            List<Object> attachments = new ArrayList<>();
            if (last && reply.file() != null) {
                attachments.add(reply.file());
            }
            if (last && !reply.buttons().isEmpty()) {
                attachments.add(keyboard(reply));
            }
            if (!parts.get(i).isBlank() || !attachments.isEmpty()) {
                bodies.add(body(parts.get(i), attachments));
            }
        }
        if (!reply.album().isEmpty()) {
            for (AlbumItem item : reply.album()) {
                List<Object> attachments = new ArrayList<>();
                attachments.add(item.image());
                bodies.add(body(MarkupHtml.render(item.caption(), MESSAGE_LIMIT).get(0), attachments));
            }
        }
        String lastId = null;
        for (Map<String, Object> body : bodies) {
            Delivery delivery = PlatformCalls.withOneWait(() -> post(chatId, body), waitOnRateLimit, maxRetryAfter);
            if (!delivery.isSent()) {
                return delivery;
            }
            lastId = delivery.messageId();
        }
        return Delivery.sent(lastId);
    }

    /** A message body; files among the attachments are uploaded (once) when the message is posted. */
    private static Map<String, Object> body(String html, List<Object> attachments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", html);
        body.put("format", "html");
        body.put("attachments", attachments);
        body.put("notify", true);
        return body;
    }

    private Delivery post(String chatId, Map<String, Object> body) {
        Map<String, Object> ready;
        try {
            ready = withUploads(body);
        } catch (IOException e) {
            return Delivery.failed("network: upload " + e.getMessage());
        }
        String param = isPersonalChat(chatId) ? "user_id" : "chat_id";
        // a file just uploaded may still be processed: MAX answers attachment.not.ready for a moment
        for (int attempt = 0; ; attempt++) {
            Response response;
            try {
                response = api.send(param, chatId, ready);
            } catch (IOException e) {
                return Delivery.failed("network: " + e.getClass().getSimpleName());
            }
            if (!response.ok() && "attachment.not.ready".equals(PlatformHttp.text(response.body(), "code")) && attempt < 5) {
                sleep(300L * (attempt + 1));
                continue;
            }
            Delivery delivery = outcome(chatId, response);
            if (delivery.isSent()) {
                String mid = PlatformHttp.text(response.body().path("message").path("body"), "mid");
                if (mid != null) {
                    lastMessage.put(chatId, mid);
                }
                return Delivery.sent(mid);
            }
            return delivery;
        }
    }

    private Delivery editOnce(String chatId, String messageId, String html, Reply reply) {
        List<Object> attachments = new ArrayList<>();
        if (!reply.buttons().isEmpty()) {
            attachments.add(keyboard(reply));
        }
        try {
            Response response = api.edit(messageId, body(html.isBlank() ? "…" : html, attachments));
            Delivery delivery = outcome(chatId, response);
            return delivery.isSent() ? Delivery.sent(messageId) : delivery;
        } catch (IOException e) {
            return Delivery.failed("network: " + e.getClass().getSimpleName());
        }
    }

    private Map<String, Object> withUploads(Map<String, Object> body) throws IOException {
        List<Object> attachments = new ArrayList<>();
        for (Object a : (List<?>) body.get("attachments")) {
            if (a instanceof OutgoingFile file) {
                String token = uploadOnce(file);
                attachments.add(Map.of("type", file.kind() == OutgoingFile.Kind.IMAGE ? "image" : "file",
                        "payload", Map.of("token", token)));
            } else {
                attachments.add(a);
            }
        }
        Map<String, Object> ready = new LinkedHashMap<>(body);
        ready.put("attachments", attachments);
        return ready;
    }

    private String uploadOnce(OutgoingFile file) throws IOException {
        IOException[] failed = {null};
        String token = uploaded.get(file.content(), content -> {
            try {
                return api.upload(file);
            } catch (IOException e) {
                failed[0] = e;
                return null;
            }
        });
        if (token == null) {
            throw failed[0] != null ? failed[0] : new IOException("upload failed");
        }
        return token;
    }

    /** MAX's answer as a delivery: 429 rate limited, 403 the person blocked the bot, 5xx retryable. */
    private Delivery outcome(String chatId, Response response) {
        if (response.ok() && !Boolean.FALSE.equals(successOf(response))) {
            return Delivery.sent(null);
        }
        String code = PlatformHttp.text(response.body(), "code");
        if (response.status() == 429) {
            return Delivery.rateLimited(Duration.ofSeconds(1));
        }
        if (response.status() == 403 || "chat.denied".equals(code)) {
            String detail = "403 " + (code == null ? "forbidden" : code);
            events.publishEvent(new ChatUnreachable(new ChatAddress(name(), chatId), detail));
            return Delivery.unreachable(detail);
        }
        return Delivery.failed(response.status() + " " + (code == null ? "" : code));
    }

    private static Boolean successOf(Response response) {
        var success = response.body().path("success");
        return success.isBoolean() ? success.asBoolean() : null;
    }

    private static Map<String, Object> keyboard(Reply reply) {
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (List<Button> row : reply.buttons()) {
            for (int from = 0; from < row.size(); from += ROW_LIMIT) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Button b : row.subList(from, Math.min(row.size(), from + ROW_LIMIT))) {
                    out.add(b.isLink() ? Map.of("type", "link", "text", b.label(), "url", b.url())
                            : Map.of("type", "callback", "text", b.label(), "payload", b.payload()));
                }
                rows.add(out);
            }
        }
        if (rows.size() > ROWS_LIMIT) {
            log.warn("A keyboard of {} rows was cut to MAX's {}", rows.size(), ROWS_LIMIT);
            rows = rows.subList(0, ROWS_LIMIT);
        }
        return Map.of("type", "inline_keyboard", "payload", Map.of("buttons", rows));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
