package ru.kruzhok.channel;

/**
 * Something a person sent that is not text. {@code fileRef} is the channel's handle to fetch it
 * (see {@link Channel#download(String)}); it is null for kinds the bot never downloads.
 */
public record IncomingAttachment(Kind kind, String fileRef, String fileName, String mimeType) {
    public enum Kind { PHOTO, DOCUMENT, STICKER, VOICE, AUDIO, VIDEO, LOCATION, OTHER }
}
