package ru.kruzhok.telegram;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaGroup;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.media.InputMedia;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.kruzhok.channel.AlbumItem;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.ChatUnreachable;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.MessagePlace;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;

/**
 * Sends replies through the Telegram Bot API: HTML parse mode with escaping, long texts split,
 * callback data kept within 64 bytes, "edit the last message" for menus and paging. A 429 is
 * waited out once ({@link #deliver}) or reported to the caller ({@link #tryDeliver}); a 403 marks
 * the chat unreachable.
 */
class TelegramChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);
    /** Telegram's most photos in one album. */
    static final int MEDIA_GROUP_LIMIT = 10;

    private final TelegramClient client;
    private final CallbackData callbackData;
    private final ApplicationEventPublisher events;
    private final Duration maxRetryAfter;
    /** Waits before each new attempt after a 5xx or a failed connection: ~4 s of Telegram trouble is ridden out. */
    private static final int REPLY_RATE_LIMIT_WAITS = 3;
    private static final List<Duration> BACKOFF = List.of(Duration.ofMillis(250), Duration.ofMillis(1000),
            Duration.ofMillis(3000));
    private final TelegramFileDownloads files;
    /** The id of the bot's last message per chat, for {@link Reply.Mode#EDIT_LAST}; Telegram edits up to 48 h back. */
    private final Cache<String, Integer> lastMessage = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(47))
            .build();

    /**
     * The file_id Telegram gave a file this instance uploaded, by the very byte array sent (weak
     * keys compare by identity): a broadcast's message, file included, is built once and sent to
     * every recipient, so its photo is recognised without hashing megabytes per send.
     */
    private final Cache<byte[], String> uploadedFiles = Caffeine.newBuilder()
            .weakKeys()
            .maximumSize(1_000)
            .build();

    TelegramChannel(TelegramClient client, CallbackData callbackData, ApplicationEventPublisher events,
                    Duration maxRetryAfter, TelegramFileDownloads files) {
        this.client = client;
        this.files = files;
        this.callbackData = callbackData;
        this.events = events;
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public String name() {
        return UpdateTranslator.CHANNEL;
    }

    @Override
    public String displayName() {
        return "Telegram";
    }

    /** About 30 messages a second in all and one a second to one chat (Telegram's bot FAQ). */
    @Override
    public ru.kruzhok.channel.SendLimit sendLimit() {
        return ru.kruzhok.channel.SendLimit.telegram();
    }

    /** Telegram groups and channels have negative chat ids; people have positive ones. */
    @Override
    public boolean isPersonalChat(String chatId) {
        return !chatId.startsWith("-");
    }

    @Override
    public Delivery deliver(String chatId, Reply reply) {
        return send(chatId, reply, true, false, NOWHERE);
    }

    /** In a forum topic ({@code message_thread_id}) and/or as a reply; a reply to a deleted message is sent plain. */
    @Override
    public Delivery deliver(String chatId, MessagePlace place, Reply reply) {
        Placement placement = new Placement(number(place.threadId()), number(place.replyToMessageId()));
        return send(chatId, reply, true, false, placement);
    }

    /** A forum topic; empty when the group has topics off (Telegram answers 400 "the chat is not a forum"). */
    @Override
    public Optional<String> openThread(String chatId, String title) {
        try {
            ForumTopic topic = client.execute(CreateForumTopic.builder().chatId(chatId)
                    .name(title.length() > 128 ? title.substring(0, 128) : title).build());
            return topic == null || topic.getMessageThreadId() == null ? Optional.empty()
                    : Optional.of(String.valueOf(topic.getMessageThreadId()));
        } catch (TelegramApiException e) {
            log.info("No forum topic in a group ({}): replies are chained instead", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Delivery tryDeliver(String chatId, Reply reply) {
        return send(chatId, reply, false, false, NOWHERE);
    }

    /** Bulk sending; with {@code paidBroadcast} every call carries {@code allow_paid_broadcast=true}. */
    @Override
    public Delivery tryDeliver(String chatId, Reply reply, boolean paidBroadcast) {
        return send(chatId, reply, false, paidBroadcast, NOWHERE);
    }

    /** Telegram's side of a {@link MessagePlace}: a forum topic and a message replied to, each optional. */
    private record Placement(Integer threadId, Integer replyTo) {
        ReplyParameters replyParameters() {
            return replyTo == null ? null : ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build();
        }
    }

    private static final Placement NOWHERE = new Placement(null, null);

    private static Integer number(String id) {
        if (id == null) {
            return null;
        }
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Edits a text message by id; a message that is not modified counts as edited. */
    @Override
    public Delivery edit(String chatId, String messageId, Reply reply) {
        int id;
        try {
            id = Integer.parseInt(messageId);
        } catch (NumberFormatException e) {
            return Delivery.failed("bad message id");
        }
        String html = TelegramHtml.render(reply.text(), TelegramHtml.MESSAGE_LIMIT).get(0);
        Delivery edited = edit(chatId, id, html, keyboard(reply), true);
        return edited != null ? edited : Delivery.failed("message cannot be edited");
    }

    @Override
    public Optional<byte[]> download(String fileRef) {
        try {
            File file = client.execute(GetFile.builder().fileId(fileRef).build());
            return Optional.of(files.fetch(file.getFilePath()));
        } catch (Exception e) {
            log.warn("Could not download a file: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void publishCommands(String chatId, List<ru.kruzhok.channel.BotCommand> commands) {
        try {
            client.execute(org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands.builder()
                    .commands(commands.stream()
                            .map(c -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(c.command(), c.description()))
                            .toList())
                    .scope(new org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat(chatId))
                    .build());
        } catch (TelegramApiException e) {
            log.warn("Could not publish a chat's command menu: {}", e.toString());
        }
    }

    /** A Bot API call that yields the message it sent (or true/message for edits). */
    @FunctionalInterface
    private interface Call {
        Serializable run() throws TelegramApiException;
    }

    private Delivery send(String chatId, Reply reply, boolean waitOnRateLimit, boolean paid, Placement at) {
        InlineKeyboardMarkup keyboard = keyboard(reply);
        Boolean allowPaid = paid ? Boolean.TRUE : null;
        List<Call> calls = new ArrayList<>();
        if (reply.file() != null) {
            calls.addAll(fileCalls(chatId, reply, keyboard, allowPaid, at));
        } else if (!reply.album().isEmpty()) {
            if (!reply.text().isBlank()) {
                calls.addAll(textCalls(chatId, reply.text(), keyboard, allowPaid, at));
            }
            calls.addAll(albumCalls(chatId, reply.album()));
        } else {
            List<String> parts = TelegramHtml.render(reply.text(), TelegramHtml.MESSAGE_LIMIT);
            Integer editable = reply.mode() == Reply.Mode.EDIT_LAST && parts.size() == 1 ? lastMessage.getIfPresent(chatId) : null;
            if (editable != null) {
                Delivery edited = edit(chatId, editable, parts.get(0), keyboard, waitOnRateLimit);
                if (edited != null) {
                    return edited;
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                String html = parts.get(i).isBlank() ? "…" : parts.get(i);
                boolean last = i == parts.size() - 1;
                ReplyParameters replyTo = i == 0 ? at.replyParameters() : null;
                calls.add(() -> client.execute(SendMessage.builder()
                        .chatId(chatId)
                        .text(html)
                        .parseMode(ParseMode.HTML)
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                        .replyMarkup(last ? keyboard : null)
                        .allowPaidBroadcast(allowPaid)
                        .messageThreadId(at.threadId())
                        .replyParameters(replyTo)
                        .build()));
            }
        }
        String lastId = null;
        for (Call call : calls) {
            Delivery delivery = execute(chatId, call, waitOnRateLimit);
            if (!delivery.isSent()) {
                return delivery;
            }
            lastId = delivery.messageId();
        }
        return Delivery.sent(lastId);
    }

    private List<Call> fileCalls(String chatId, Reply reply, InlineKeyboardMarkup keyboard, Boolean allowPaid, Placement at) {
        OutgoingFile file = reply.file();
        List<String> caption = TelegramHtml.render(reply.text(), TelegramHtml.CAPTION_LIMIT);
        boolean captionFits = caption.size() == 1;
        List<Call> calls = new ArrayList<>();
        String html = captionFits && !caption.get(0).isBlank() ? caption.get(0) : null;
        InlineKeyboardMarkup fileKeyboard = captionFits ? keyboard : null;
        if (file.kind() == OutgoingFile.Kind.IMAGE) {
            calls.add(() -> sendUploadingOnce(file, input -> client.execute(SendPhoto.builder().chatId(chatId)
                    .photo(input)
                    .caption(html).parseMode(html == null ? null : ParseMode.HTML).replyMarkup(fileKeyboard)
                    .messageThreadId(at.threadId()).replyParameters(at.replyParameters())
                    .allowPaidBroadcast(allowPaid).build())));
        } else if ("audio/ogg".equals(file.mimeType())) {
            // a voice message passed on (a parent's, a staff member's) is played as one, not offered as a file
            calls.add(() -> client.execute(SendVoice.builder().chatId(chatId)
                    .voice(new InputFile(new ByteArrayInputStream(file.content()), file.fileName()))
                    .caption(html).parseMode(html == null ? null : ParseMode.HTML).replyMarkup(fileKeyboard)
                    .messageThreadId(at.threadId()).replyParameters(at.replyParameters())
                    .allowPaidBroadcast(allowPaid).build()));
        } else {
            calls.add(() -> sendUploadingOnce(file, input -> client.execute(SendDocument.builder().chatId(chatId)
                    .document(input)
                    .caption(html).parseMode(html == null ? null : ParseMode.HTML).replyMarkup(fileKeyboard)
                    .messageThreadId(at.threadId()).replyParameters(at.replyParameters())
                    .allowPaidBroadcast(allowPaid).build())));
        }
        if (!captionFits) {
            calls.addAll(textCalls(chatId, reply.text(), keyboard, allowPaid, new Placement(at.threadId(), null)));
        }
        return calls;
    }

    private interface FileSend {
        Message send(InputFile file) throws TelegramApiException;
    }

    /**
     * Sends a file, uploading its bytes only the first time: Telegram answers with a file_id that
     * later sends reuse, so a broadcast's photo goes up once, not once per parent (10,000 parents ×
     * 1 MB would be 10 GB of uploads). While the first upload runs, other senders of the same file
     * wait for its id. A file_id Telegram no longer accepts (400) is dropped and the file uploaded
     * again.
     */
    private Message sendUploadingOnce(OutgoingFile file, FileSend send) throws TelegramApiException {
        Message[] uploadedNow = {null};
        TelegramApiException[] failed = {null};
        String fileId = uploadedFiles.get(file.content(), content -> {
            try {
                uploadedNow[0] = send.send(new InputFile(new ByteArrayInputStream(content), file.fileName()));
                return fileIdOf(uploadedNow[0]);
            } catch (TelegramApiException e) {
                failed[0] = e;
                return null;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        if (uploadedNow[0] != null || fileId == null) {
            return uploadedNow[0];
        }
        try {
            return send.send(new InputFile(fileId));
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() == null || e.getErrorCode() != 400) {
                throw e;
            }
            log.info("Telegram refused a file_id it gave for {}: uploading the file again", file.fileName());
            uploadedFiles.invalidate(file.content());
            Message again = send.send(new InputFile(new ByteArrayInputStream(file.content()), file.fileName()));
            String newId = fileIdOf(again);
            if (newId != null) {
                uploadedFiles.put(file.content(), newId);
            }
            return again;
        }
    }

    /** The file_id of the photo (its largest size) or document a sent message carries, or null. */
    private static String fileIdOf(Message message) {
        if (message == null) {
            return null;
        }
        if (message.hasPhoto()) {
            return message.getPhoto().get(message.getPhoto().size() - 1).getFileId();
        }
        return message.hasDocument() ? message.getDocument().getFileId() : null;
    }

    /**
     * An album is one sendMediaGroup of 2–10 photos; more images make several albums of even size
     * (11 → 6 + 5, since an album of one is not allowed), and a single image is a plain photo.
     * Each photo keeps its own caption.
     */
    private List<Call> albumCalls(String chatId, List<AlbumItem> album) {
        List<Call> calls = new ArrayList<>();
        int groups = (album.size() + MEDIA_GROUP_LIMIT - 1) / MEDIA_GROUP_LIMIT;
        int from = 0;
        for (int g = 0; g < groups; g++) {
            int size = (album.size() - from) / (groups - g);
            List<AlbumItem> group = album.subList(from, from + size);
            from += size;
            if (group.size() == 1) {
                AlbumItem item = group.get(0);
                String html = caption(item.caption());
                calls.add(() -> client.execute(SendPhoto.builder().chatId(chatId)
                        .photo(new InputFile(new ByteArrayInputStream(item.image().content()), item.image().fileName()))
                        .caption(html).parseMode(html == null ? null : ParseMode.HTML).build()));
            } else {
                // built inside the call: a retry after a 429 needs fresh streams
                calls.add(() -> new ArrayList<>(client.execute(SendMediaGroup.builder().chatId(chatId).medias(medias(group)).build())));
            }
        }
        return calls;
    }

    private static List<InputMedia> medias(List<AlbumItem> group) {
        List<InputMedia> medias = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            AlbumItem item = group.get(i);
            // attachment names must be unique within one request
            InputMediaPhoto photo = new InputMediaPhoto(new ByteArrayInputStream(item.image().content()),
                    i + "-" + item.image().fileName());
            String html = caption(item.caption());
            if (html != null) {
                photo.setCaption(html);
                photo.setParseMode(ParseMode.HTML);
            }
            medias.add(photo);
        }
        return medias;
    }

    /** A photo's caption in HTML, cut to Telegram's caption limit; null when blank. */
    private static String caption(String markup) {
        List<String> parts = TelegramHtml.render(markup, TelegramHtml.CAPTION_LIMIT);
        return parts.isEmpty() || parts.get(0).isBlank() ? null : parts.get(0);
    }

    private List<Call> textCalls(String chatId, String markup, InlineKeyboardMarkup keyboard, Boolean allowPaid, Placement at) {
        List<String> parts = TelegramHtml.render(markup, TelegramHtml.MESSAGE_LIMIT);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String html = parts.get(i);
            boolean last = i == parts.size() - 1;
            boolean first = i == 0;
            calls.add(() -> client.execute(SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML)
                    .replyMarkup(last ? keyboard : null).allowPaidBroadcast(allowPaid)
                    .messageThreadId(at.threadId()).replyParameters(first ? at.replyParameters() : null).build()));
        }
        return calls;
    }

    /** Edits the bot's last message; null when it cannot be edited and a new message should be sent. */
    private Delivery edit(String chatId, int messageId, String html, InlineKeyboardMarkup keyboard, boolean wait) {
        Delivery delivery = execute(chatId, () -> client.execute(EditMessageText.builder()
                .chatId(chatId).messageId(messageId).text(html.isBlank() ? "…" : html).parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard).build()), wait);
        if (delivery.isSent()) {
            return Delivery.sent(String.valueOf(messageId));
        }
        if (delivery.status() == Delivery.Status.FAILED && delivery.detail() != null
                && delivery.detail().contains("message is not modified")) {
            return Delivery.sent(String.valueOf(messageId));
        }
        return delivery.status() == Delivery.Status.FAILED ? null : delivery;
    }

    private Delivery execute(String chatId, Call call, boolean waitOnRateLimit) {
        for (int attempt = 0; ; attempt++) {
            try {
                Serializable result = call.run();
                if (result instanceof List<?> album && !album.isEmpty()
                        && album.get(album.size() - 1) instanceof Message message) {
                    result = message; // sendMediaGroup answers with every message of the album
                }
                if (result instanceof Message message) {
                    lastMessage.put(chatId, message.getMessageId());
                    return Delivery.sent(String.valueOf(message.getMessageId()));
                }
                return Delivery.sent(null);
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    Duration wait = retryAfter(e);
                    // A reply to a person waits the pause out (a few times: with a broadcast under way
                    // the next second may be taken too); a bulk sender keeps its own pace.
                    if (!waitOnRateLimit || attempt >= REPLY_RATE_LIMIT_WAITS) {
                        return Delivery.rateLimited(wait);
                    }
                    log.info("Telegram asked to wait {} s before writing to a chat", wait.toSeconds());
                    sleep(wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait);
                    continue;
                }
                if (code != null && code == 403) {
                    events.publishEvent(new ChatUnreachable(new ChatAddress(name(), chatId), e.getApiResponse()));
                    return Delivery.unreachable(e.getApiResponse());
                }
                if (code != null && code >= 500 && attempt < BACKOFF.size()) {
                    // Telegram's own trouble: the message was not sent, so sending again cannot double it
                    log.info("Telegram answered {}; retrying in {} ms", code, BACKOFF.get(attempt).toMillis());
                    sleep(BACKOFF.get(attempt));
                    continue;
                }
                return Delivery.failed(code + " " + e.getApiResponse());
            } catch (TelegramApiException e) {
                if (attempt < BACKOFF.size() && !Thread.currentThread().isInterrupted()) {
                    // A refused or dropped connection before Telegram answered. (A reply lost after
                    // Telegram accepted the message cannot be told apart; it is rare and the person
                    // would rather read a message twice than not at all.)
                    log.info("Telegram unreachable ({}); retrying in {} ms", e.getClass().getSimpleName(),
                            BACKOFF.get(attempt).toMillis());
                    sleep(BACKOFF.get(attempt));
                    continue;
                }
                return Delivery.failed("network: " + e.getClass().getSimpleName());
            }
        }
    }

    private static Duration retryAfter(TelegramApiRequestException e) {
        Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return Duration.ofSeconds(seconds == null ? 1 : Math.max(1, seconds));
    }

    private InlineKeyboardMarkup keyboard(Reply reply) {
        if (reply.buttons().isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Button> row : reply.buttons()) {
            InlineKeyboardRow keyboardRow = new InlineKeyboardRow();
            for (Button button : row) {
                InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> b = InlineKeyboardButton.builder().text(button.label());
                if (button.isLink()) {
                    b.url(button.url());
                } else {
                    b.callbackData(callbackData.encode(button.payload()));
                }
                keyboardRow.add(b.build());
            }
            rows.add(keyboardRow);
        }
        return new InlineKeyboardMarkup(rows);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
