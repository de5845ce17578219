package ru.kruzhok.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.ConversationInputs;
import ru.kruzhok.staff.StaffInput;

/**
 * A spreadsheet a staff member sends in the private chat without the /import caption: tell them how
 * to caption it, instead of letting the conversation show a parent's screen (the consent request).
 * A step waiting for input (the /broadcast flow's message with a file) takes the file instead.
 */
@Component
class CatalogFileHint implements StaffInput, Ordered {

    private final ConversationInputs conversations;

    CatalogFileHint(ConversationInputs conversations) {
        this.conversations = conversations;
    }

    static final String ADD_CAPTION = """
            Похоже, это файл каталога 📄 Чтобы загрузить его, отправьте файл ещё раз и добавьте подпись /import …:
            /import — файл заменяет весь каталог района;
            /import add — только добавить новые и обновить имеющиеся программы.""";

    @Override
    public Optional<List<Reply>> take(Incoming in) {
        IncomingAttachment file = in.attachment();
        if (!in.isPrivate() || file == null || file.kind() != IncomingAttachment.Kind.DOCUMENT
                || in.command() != null || !spreadsheet(file) || conversations.awaitsInput(in.chat())) {
            return Optional.empty();
        }
        return Optional.of(List.of(Reply.text(ADD_CAPTION)));
    }

    static boolean spreadsheet(IncomingAttachment file) {
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String mime = file.mimeType() == null ? "" : file.mimeType().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls")
                || mime.contains("spreadsheet") || mime.contains("excel") || mime.equals("text/csv");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
