package ru.kruzhok.channel;

import java.util.Objects;

/** An image or a file sent with a reply (a chart, an export). The caption, if any, is the reply's text. */
public record OutgoingFile(Kind kind, String fileName, String mimeType, byte[] content) {
    public enum Kind { IMAGE, DOCUMENT }

    public OutgoingFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    public static OutgoingFile png(String fileName, byte[] content) {
        return new OutgoingFile(Kind.IMAGE, fileName, "image/png", content);
    }

    public static OutgoingFile document(String fileName, String mimeType, byte[] content) {
        return new OutgoingFile(Kind.DOCUMENT, fileName, mimeType, content);
    }
}
