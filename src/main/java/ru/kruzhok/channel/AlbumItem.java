package ru.kruzhok.channel;

import java.util.Objects;

/**
 * One image of an album (see {@link Reply#album()}): the picture and its own short caption, in the
 * bot's light markup. Channels that show albums as one block (Telegram) keep each caption under its
 * picture; others may show the images one after another.
 */
public record AlbumItem(OutgoingFile image, String caption) {

    public AlbumItem {
        Objects.requireNonNull(image, "image");
        if (image.kind() != OutgoingFile.Kind.IMAGE) {
            throw new IllegalArgumentException("an album holds images only: " + image.fileName());
        }
        caption = caption == null ? "" : caption;
    }
}
