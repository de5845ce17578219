package ru.kruzhok.web;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.AlbumItem;
import ru.kruzhok.channel.Channel;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;

/** The web chat on the МОЦ site and at {@code /}: replies are stored and the page fetches them. */
@Component
class WebChannel implements Channel {

    static final String NAME = "web";

    private final WebMessageStore store;

    WebChannel(WebMessageStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "веб-чат";
    }

    @Override
    public Delivery deliver(String chatId, Reply reply) {
        if (!reply.album().isEmpty()) {
            return deliverAlbum(chatId, reply);
        }
        Long replaces = reply.mode() == Reply.Mode.EDIT_LAST && reply.file() == null ? store.lastId(chatId) : null;
        List<WebMessage.Span> spans = spans(reply.text());
        List<List<WebMessage.WebButton>> buttons = reply.buttons().stream()
                .map(row -> row.stream().map(b -> new WebMessage.WebButton(b.label(), b.payload(), b.url())).toList())
                .toList();
        String image = null;
        String fileName = null;
        String file = null;
        OutgoingFile attached = reply.file();
        if (attached != null) {
            String dataUrl = "data:" + attached.mimeType() + ";base64," + Base64.getEncoder().encodeToString(attached.content());
            if (attached.kind() == OutgoingFile.Kind.IMAGE) {
                image = dataUrl;
            } else {
                file = dataUrl;
                fileName = attached.fileName();
            }
        }
        long id = store.append(chatId, new WebMessage(0, replaces, spans, buttons, image, fileName, file));
        return Delivery.sent(String.valueOf(id));
    }

    /**
     * The page has no album widget: the text comes first, then each image as a message of its own with
     * its caption above it, which reads the same as Telegram's album in a narrow chat column.
     */
    private Delivery deliverAlbum(String chatId, Reply reply) {
        Delivery last = Delivery.sent(null);
        if (!reply.text().isBlank() || !reply.buttons().isEmpty()) {
            last = deliver(chatId, new Reply(reply.text(), reply.buttons(), null, Reply.Mode.SEND_NEW));
        }
        for (AlbumItem item : reply.album()) {
            String dataUrl = "data:" + item.image().mimeType() + ";base64,"
                    + Base64.getEncoder().encodeToString(item.image().content());
            long id = store.append(chatId, new WebMessage(0, null, spans(item.caption()), List.of(), dataUrl, null, null));
            last = Delivery.sent(String.valueOf(id));
        }
        return last;
    }

    private static List<WebMessage.Span> spans(String markup) {
        return Markup.parse(markup).stream()
                .map(s -> new WebMessage.Span(s.style().name().toLowerCase(Locale.ROOT), s.text(), s.url()))
                .toList();
    }
}
