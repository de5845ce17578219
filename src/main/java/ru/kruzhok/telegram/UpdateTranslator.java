package ru.kruzhok.telegram;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Incoming.ChatKind;
import ru.kruzhok.channel.Incoming.Type;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.IncomingAttachment.Kind;

/** Turns a Telegram {@link Update} into the platform-neutral {@link Incoming}; empty for updates the bot ignores. */
final class UpdateTranslator {

    static final String CHANNEL = "telegram";

    private final CallbackData callbackData;

    UpdateTranslator(CallbackData callbackData) {
        this.callbackData = callbackData;
    }

    Optional<Incoming> translate(Update update) {
        String key = CHANNEL + ":" + update.getUpdateId();
        if (update.hasCallbackQuery()) {
            return fromCallback(key, update.getCallbackQuery());
        }
        if (update.hasMessage()) {
            return Optional.of(fromMessage(key, update.getMessage(), false));
        }
        if (update.hasEditedMessage()) {
            return Optional.of(fromMessage(key, update.getEditedMessage(), true));
        }
        if (update.hasChannelPost()) {
            return Optional.of(fromMessage(key, update.getChannelPost(), false));
        }
        return Optional.empty();
    }

    private Optional<Incoming> fromCallback(String key, CallbackQuery query) {
        if (query.getMessage() == null || query.getMessage().getChat() == null) {
            return Optional.empty(); // inline-mode buttons: the bot issues none
        }
        Chat chat = query.getMessage().getChat();
        return Optional.of(new Incoming(key, new ChatAddress(CHANNEL, String.valueOf(chat.getId())),
                String.valueOf(query.getFrom().getId()), kindOf(chat), Type.BUTTON, "",
                callbackData.decode(query.getData()), null, Boolean.TRUE.equals(query.getFrom().getIsBot()), false,
                String.valueOf(query.getMessage().getMessageId()), null, query.getFrom().getUserName(), Instant.now()));
    }

    private Incoming fromMessage(String key, Message message, boolean edited) {
        Chat chat = message.getChat();
        String userId = message.getFrom() == null ? String.valueOf(chat.getId()) : String.valueOf(message.getFrom().getId());
        boolean fromBot = message.getFrom() != null && Boolean.TRUE.equals(message.getFrom().getIsBot());
        String username = message.getFrom() == null ? null : message.getFrom().getUserName();
        String replyTo = message.getReplyToMessage() == null ? null : String.valueOf(message.getReplyToMessage().getMessageId());
        Type type;
        String text = "";
        String formatted = null;
        IncomingAttachment attachment = null;
        if (message.hasText()) {
            text = message.getText().strip();
            formatted = TelegramEntities.toMarkup(message.getText(), message.getEntities());
            type = text.isEmpty() ? Type.EMPTY : text.startsWith("/") ? Type.COMMAND : Type.TEXT;
        } else if (message.hasContact()) {
            type = Type.CONTACT;
            text = message.getContact().getPhoneNumber();
        } else {
            attachment = attachmentOf(message);
            type = attachment == null ? Type.EMPTY : Type.ATTACHMENT;
            text = message.getCaption() == null ? "" : message.getCaption().strip();
            formatted = message.getCaption() == null ? null
                    : TelegramEntities.toMarkup(message.getCaption(), message.getCaptionEntities());
        }
        // only forum topics count as threads: a supergroup's reply threads are reply chains
        String thread = Boolean.TRUE.equals(message.getIsTopicMessage()) && message.getMessageThreadId() != null
                ? String.valueOf(message.getMessageThreadId()) : null;
        return new Incoming(key, new ChatAddress(CHANNEL, String.valueOf(chat.getId())), userId, kindOf(chat), type,
                text, null, attachment, fromBot, edited, String.valueOf(message.getMessageId()), replyTo, username,
                Instant.now(), formatted, thread);
    }

    private static IncomingAttachment attachmentOf(Message m) {
        if (m.hasDocument()) {
            return new IncomingAttachment(Kind.DOCUMENT, m.getDocument().getFileId(), m.getDocument().getFileName(),
                    m.getDocument().getMimeType());
        }
        if (m.hasPhoto()) {
            PhotoSize largest = m.getPhoto().stream()
                    .max(Comparator.comparing(p -> p.getFileSize() == null ? 0 : p.getFileSize())).orElseThrow();
            return new IncomingAttachment(Kind.PHOTO, largest.getFileId(), null, "image/jpeg");
        }
        if (m.hasSticker()) {
            return new IncomingAttachment(Kind.STICKER, null, null, null);
        }
        if (m.hasVoice()) {
            // fetchable, so a voice message can be passed on to a person (a question's thread, a parent)
            return new IncomingAttachment(Kind.VOICE, m.getVoice().getFileId(), "voice.ogg",
                    m.getVoice().getMimeType() == null ? "audio/ogg" : m.getVoice().getMimeType());
        }
        if (m.hasVideoNote()) {
            return new IncomingAttachment(Kind.VOICE, null, null, null);
        }
        if (m.hasAudio()) {
            return new IncomingAttachment(Kind.AUDIO, m.getAudio().getFileId(), m.getAudio().getFileName(),
                    m.getAudio().getMimeType());
        }
        if (m.hasVideo() || m.hasAnimation()) {
            return new IncomingAttachment(Kind.VIDEO, null, null, null);
        }
        if (m.hasLocation()) {
            return new IncomingAttachment(Kind.LOCATION, null, null, null);
        }
        if (m.getNewChatMembers() != null && !m.getNewChatMembers().isEmpty() || m.getLeftChatMember() != null
                || m.hasForumTopicCreated() || m.hasForumTopicClosed() || m.hasForumTopicReopened()) {
            return null; // service messages in groups
        }
        return new IncomingAttachment(Kind.OTHER, null, null, null);
    }

    private static ChatKind kindOf(Chat chat) {
        return switch (chat.getType()) {
            case "private" -> ChatKind.PRIVATE;
            case "channel" -> ChatKind.CHANNEL;
            default -> ChatKind.GROUP;
        };
    }
}
