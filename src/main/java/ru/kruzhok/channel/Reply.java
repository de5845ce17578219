package ru.kruzhok.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says back, independent of the messenger.
 *
 * <p>{@code text} is in the bot's light markup (see {@link Markup}): {@code **bold**},
 * {@code __italic__}, {@code [label](https://…)}; anything a person typed must go through
 * {@link Markup#escape(String)} before it is put into a text. Channels render the markup in their
 * own way (Telegram HTML, web DOM), so a parent's {@code <}, {@code >} or {@code &} never breaks a
 * message.
 *
 * @param text    the message, or the caption of {@code file}
 * @param buttons rows of buttons under the message
 * @param file    an optional image or document
 * @param mode    send a new message, or edit the bot's last message in this chat (paging, menus)
 * @param album   images shown together after the text (a survey's charts); never together with
 *                {@code file}. The text (with the buttons) goes first as its own message, unless it
 *                is blank; an album reply is always sent new. Channels split albums at their limits.
 */
public record Reply(String text, List<List<Button>> buttons, OutgoingFile file, Mode mode, List<AlbumItem> album) {

    public enum Mode { SEND_NEW, EDIT_LAST }

    public Reply {
        text = text == null ? "" : text;
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        mode = Objects.requireNonNullElse(mode, Mode.SEND_NEW);
        album = album == null ? List.of() : List.copyOf(album);
        if (file != null && !album.isEmpty()) {
            throw new IllegalArgumentException("a reply carries either one file or an album, not both");
        }
    }

    /** A reply without an album (the common case). */
    public Reply(String text, List<List<Button>> buttons, OutgoingFile file, Mode mode) {
        this(text, buttons, file, mode, List.of());
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(), null, Mode.SEND_NEW);
    }

    /** A message (skipped when blank) followed by the images as one album, each with its caption. */
    public static Reply album(String text, List<AlbumItem> images) {
        return new Reply(text, List.of(), null, Mode.SEND_NEW, images);
    }

    public Reply withButtons(List<List<Button>> rows) {
        return new Reply(text, rows, file, mode, album);
    }

    public Reply withButtonRow(Button... row) {
        List<List<Button>> rows = new ArrayList<>(buttons);
        rows.add(List.of(row));
        return new Reply(text, rows, file, mode, album);
    }

    public Reply withFile(OutgoingFile file) {
        return new Reply(text, buttons, file, mode, album);
    }

    public Reply editingLast() {
        return new Reply(text, buttons, file, Mode.EDIT_LAST, album);
    }

    /** The payloads of all payload buttons, in order; handy for tests and for token bookkeeping. */
    public List<String> payloads() {
        return buttons.stream().flatMap(List::stream).filter(b -> !b.isLink()).map(Button::payload).toList();
    }
}
