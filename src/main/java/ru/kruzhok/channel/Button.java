package ru.kruzhok.channel;

import java.util.Objects;

/**
 * A button under a message: it either sends {@code payload} back to the bot when pressed or opens
 * {@code url}. Payloads are short opaque tokens; channels keep them within their platform's limits.
 */
public record Button(String label, String payload, String url) {
    public Button {
        Objects.requireNonNull(label, "label");
        if ((payload == null) == (url == null)) {
            throw new IllegalArgumentException("a button has either a payload or a url");
        }
    }

    public static Button action(String label, String payload) {
        return new Button(label, payload, null);
    }

    /** A link button; a host written in its own letters is sent in ASCII, as platforms require. */
    public static Button link(String label, String url) {
        return new Button(label, null, WebAddress.forMachines(url));
    }

    public boolean isLink() {
        return url != null;
    }
}
