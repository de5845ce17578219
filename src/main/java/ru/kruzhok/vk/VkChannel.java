package ru.kruzhok.vk;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.MarkupHtml;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.PlatformCalls;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.channel.SendLimit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends replies to a VK community's conversations with {@code messages.send}. VK community
 * messages have no bold or italic, so the bot's markup becomes plain text with each link's address
 * after its label; buttons become inline keyboards of callback and link buttons, split over several
 * messages at VK's limit of 10 buttons (6 rows of 5) a keyboard. Every message carries a
 * {@code random_id} kept across the retry after "too many requests", so VK never shows it twice.
 * Errors 6 (too many requests) and 9 (flood control) are waited out once ({@link #deliver}) or
 * reported ({@link #tryDeliver}); 901/902 (the person does not allow messages) and 7 mark the chat
 * unreachable.
 */
class VkChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(VkChannel.class);
    static final int MESSAGE_LIMIT = 4096;
    static final int ROW_LIMIT = 5;
    static final int ROWS_LIMIT = 6;
    static final int BUTTONS_LIMIT = 10;
    static final int LABEL_LIMIT = 40;
    /** VK's longest button payload, in characters of its JSON. */
    static final int PAYLOAD_LIMIT = 255;

    private final VkApi api;
    private final ApplicationEventPublisher events;
    private final Duration maxRetryAfter;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<String, String> lastMessage = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofHours(23)).build();
    private final Cache<byte[], String> uploaded = Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

    VkChannel(VkApi api, ApplicationEventPublisher events, Duration maxRetryAfter) {
        this.api = api;
        this.events = events;
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public String name() {
        return VkUpdates.CHANNEL;
    }

    @Override
    public String displayName() {
        return "ВКонтакте";
    }

    @Override
    public SendLimit sendLimit() {
        return SendLimit.vk();
    }

    @Override
    public boolean isPersonalChat(String chatId) {
        return VkUpdates.kindOf(chatId) == Incoming.ChatKind.PRIVATE;
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
        List<List<List<Button>>> keyboards = keyboards(reply.buttons());
        String text = render(reply.text()).get(0);
        return PlatformCalls.withOneWait(() -> editOnce(chatId, messageId, text,
                keyboards.isEmpty() ? null : keyboards.get(0)), true, maxRetryAfter);
    }

    @Override
    public Optional<byte[]> download(String fileRef) {
        try {
            return Optional.of(api.download(fileRef, 20L * 1024 * 1024));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not download a file from VK: {}", e.toString());
            return Optional.empty();
        }
    }

    /** One message to send: text, an optional keyboard and an optional file. */
    private record Message(String text, List<List<Button>> keyboard, OutgoingFile file) {
    }

    private Delivery send(String chatId, Reply reply, boolean waitOnRateLimit) {
        List<String> parts = render(reply.text());
        List<List<List<Button>>> keyboards = keyboards(reply.buttons());
        if (reply.file() == null && reply.album().isEmpty() && reply.mode() == Reply.Mode.EDIT_LAST
                && parts.size() == 1 && keyboards.size() <= 1) {
            String editable = lastMessage.getIfPresent(chatId);
            if (editable != null) {
                Delivery edited = PlatformCalls.withOneWait(() -> editOnce(chatId, editable, parts.get(0),
                        keyboards.isEmpty() ? null : keyboards.get(0)), waitOnRateLimit, maxRetryAfter);
                if (edited.status() != Delivery.Status.FAILED) {
                    return edited;
                }
            }
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            messages.add(new Message(parts.get(i), last && !keyboards.isEmpty() ? keyboards.get(0) : null,
                    last ? reply.file() : null));
        }
        // keyboards beyond VK's 10 buttons follow in messages of their own
        for (int k = 1; k < keyboards.size(); k++) {
            messages.add(new Message("…", keyboards.get(k), null));
        }
        for (AlbumItem item : reply.album()) {
            messages.add(new Message(render(item.caption()).get(0), null, item.image()));
        }
        String lastId = null;
        for (Message message : messages) {
            if (message.text().isBlank() && message.file() == null && message.keyboard() == null) {
                continue;
            }
            int randomId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            Delivery delivery = PlatformCalls.withOneWait(() -> post(chatId, message, randomId), waitOnRateLimit,
                    maxRetryAfter);
            if (!delivery.isSent()) {
                return delivery;
            }
            lastId = delivery.messageId();
        }
        return Delivery.sent(lastId);
    }

    private Delivery post(String chatId, Message message, int randomId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("peer_id", chatId);
        params.put("random_id", String.valueOf(randomId));
        params.put("message", message.text().isBlank() ? "…" : message.text());
        params.put("dont_parse_links", "1");
        params.put("disable_mentions", "1");
        if (message.keyboard() != null) {
            params.put("keyboard", keyboardJson(message.keyboard()));
        }
        try {
            if (message.file() != null) {
                params.put("attachment", uploadOnce(chatId, message.file()));
            }
            VkApi.Result result = api.call("messages.send", params);
            Delivery delivery = outcome(chatId, result);
            if (delivery.isSent()) {
                String id = result.response().asString();
                lastMessage.put(chatId, id);
                return Delivery.sent(id);
            }
            return delivery;
        } catch (IOException e) {
            return Delivery.failed("network: " + e.getClass().getSimpleName());
        }
    }

    private Delivery editOnce(String chatId, String messageId, String text, List<List<Button>> keyboard) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("peer_id", chatId);
        params.put("message_id", messageId);
        params.put("message", text.isBlank() ? "…" : text);
        params.put("dont_parse_links", "1");
        params.put("keyboard", keyboard == null ? "{\"inline\":true,\"buttons\":[]}" : keyboardJson(keyboard));
        try {
            Delivery delivery = outcome(chatId, api.call("messages.edit", params));
            return delivery.isSent() ? Delivery.sent(messageId) : delivery;
        } catch (IOException e) {
            return Delivery.failed("network: " + e.getClass().getSimpleName());
        }
    }

    private String uploadOnce(String chatId, OutgoingFile file) throws IOException {
        IOException[] failed = {null};
        String attachment = uploaded.get(file.content(), content -> {
            try {
                return api.upload(chatId, file);
            } catch (IOException e) {
                failed[0] = e;
                return null;
            }
        });
        if (attachment == null) {
            throw failed[0] != null ? failed[0] : new IOException("upload failed");
        }
        return attachment;
    }

    /** VK's error codes as deliveries. */
    private Delivery outcome(String chatId, VkApi.Result result) {
        if (result.ok()) {
            return Delivery.sent(null);
        }
        return switch (result.errorCode()) {
            case 6 -> Delivery.rateLimited(Duration.ofSeconds(1));
            case 9 -> Delivery.rateLimited(Duration.ofSeconds(3));
            case 7, 900, 901, 902 -> {
                String detail = "403 VK error " + result.errorCode();
                events.publishEvent(new ChatUnreachable(new ChatAddress(name(), chatId), detail));
                yield Delivery.unreachable(detail);
            }
            // 10: VK's internal error; negative: an HTTP status without a VK error
            case 10 -> Delivery.failed("500 VK error 10");
            default -> Delivery.failed((result.errorCode() <= -500 ? "500" : "400") + " VK error " + result.errorCode());
        };
    }

    /** Plain text (VK shows no markup): links as "label (address)". */
    static List<String> render(String markup) {
        return MarkupHtml.split(markup, MESSAGE_LIMIT, (span, text) -> span.style() == Markup.Style.LINK
                && span.url() != null && !span.url().equals(text.strip()) ? text + " (" + span.url() + ")" : text);
    }

    /** The reply's rows as VK inline keyboards: rows of at most 5, keyboards of at most 6 rows and 10 buttons. */
    static List<List<List<Button>>> keyboards(List<List<Button>> rows) {
        List<List<Button>> split = new ArrayList<>();
        for (List<Button> row : rows) {
            for (int from = 0; from < row.size(); from += ROW_LIMIT) {
                split.add(row.subList(from, Math.min(row.size(), from + ROW_LIMIT)));
            }
        }
        List<List<List<Button>>> keyboards = new ArrayList<>();
        List<List<Button>> current = new ArrayList<>();
        int buttons = 0;
        for (List<Button> row : split) {
            if (!current.isEmpty() && (current.size() == ROWS_LIMIT || buttons + row.size() > BUTTONS_LIMIT)) {
                keyboards.add(current);
                current = new ArrayList<>();
                buttons = 0;
            }
            current.add(row);
            buttons += row.size();
        }
        if (!current.isEmpty()) {
            keyboards.add(current);
        }
        return keyboards;
    }

    private String keyboardJson(List<List<Button>> rows) {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (List<Button> row : rows) {
            List<Map<String, Object>> buttons = new ArrayList<>();
            for (Button b : row) {
                String label = b.label().length() > LABEL_LIMIT ? b.label().substring(0, LABEL_LIMIT - 1) + "…" : b.label();
                if (b.isLink()) {
                    buttons.add(Map.of("action", Map.of("type", "open_link", "label", label, "link", b.url())));
                } else {
                    String payload = json.writeValueAsString(Map.of("p", b.payload()));
                    if (payload.length() > PAYLOAD_LIMIT) {
                        log.warn("A button payload of {} characters is over VK's {}; keep payloads short",
                                payload.length(), PAYLOAD_LIMIT);
                    }
                    buttons.add(Map.of("action", Map.of("type", "callback", "label", label, "payload", payload)));
                }
            }
            out.add(buttons);
        }
        return json.writeValueAsString(Map.of("inline", true, "buttons", out));
    }
}
