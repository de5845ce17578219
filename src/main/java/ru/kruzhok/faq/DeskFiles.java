package ru.kruzhok.faq;

import java.util.Optional;

import ru.kruzhok.channel.OutgoingFile;

/**
 * A photo, file or voice message passed between a parent's chat and the staff group: the bytes
 * fetched from the channel it came from, sent as the kind of file every channel can show (a voice
 * message is an {@code audio/ogg} document, which Telegram plays as a voice message).
 */
final class DeskFiles {

    private DeskFiles() {
    }

    static Optional<OutgoingFile> file(String kind, String fileName, String mime, Optional<byte[]> bytes) {
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (DeskPosts.kindOf(kind)) {
            case PHOTO -> new OutgoingFile(OutgoingFile.Kind.IMAGE, "photo.jpg", mime == null ? "image/jpeg" : mime, bytes.get());
            case VOICE -> OutgoingFile.document("voice.ogg", "audio/ogg", bytes.get());
            default -> OutgoingFile.document(fileName == null || fileName.isBlank() ? "file" : fileName,
                    mime == null ? "application/octet-stream" : mime, bytes.get());
        });
    }

    /** «фото», «голосовое сообщение»… for a message that says what could not be passed on. */
    static String kindName(String kind) {
        return switch (DeskPosts.kindOf(kind)) {
            case PHOTO -> "фото";
            case DOCUMENT -> "файл";
            case VOICE -> "голосовое сообщение";
            case AUDIO -> "аудиозапись";
            case VIDEO -> "видео";
            case STICKER -> "стикер";
            case LOCATION -> "геолокацию";
            case OTHER -> "вложение";
        };
    }
}
