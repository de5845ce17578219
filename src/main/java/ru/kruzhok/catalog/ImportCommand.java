package ru.kruzhok.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;

/**
 * Staff send a CSV or XLSX file to the bot with the caption /import [add] [partial]: the catalog of
 * their municipality is replaced by the file (programs it lacks are hidden, as for the Navigator's
 * full export), or with {@code add} only added to and updated; every rejected row is listed. Rows of
 * other municipalities are refused for staff who do not serve them.
 */
@Component
class ImportCommand implements StaffCommand {

    private static final int SHOWN_REJECTIONS = 20;

    private final StaffAccess access;
    private final ProgramImport programImport;
    private final ChannelRegistry channels;
    private final AuditLog audit;

    ImportCommand(StaffAccess access, ProgramImport programImport, ChannelRegistry channels, AuditLog audit) {
        this.access = access;
        this.programImport = programImport;
        this.channels = channels;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Загрузить программы: файл с подписью /import";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        if (!in.isPrivate()) {
            return List.of(); // a file shared in a group is not an import
        }
        IncomingAttachment file = in.attachment();
        if (file == null || file.kind() != IncomingAttachment.Kind.DOCUMENT || file.fileRef() == null) {
            return List.of(Reply.text(
                    """
                    Пришлите файл CSV или XLSX из Навигатора с подписью:
                    /import — файл заменяет весь каталог района (программы, которых в нём нет, скрываются);
                    /import add — только добавить новые и обновить имеющиеся программы;
                    /import partial — загрузить верные строки, пропустив ошибочные (можно вместе с add)."""));
        }
        String municipality = access.municipalitiesOf(in).stream().sorted().findFirst().orElse(null);
        if (!access.isAdmin(in) && access.municipalitiesOf(in).size() != 1) {
            return List.of(Reply.text("Загрузка через чат доступна сотруднику одного района; используйте /api/admin/programs/import."));
        }
        Optional<byte[]> bytes = channels.find(in.chat().channel()).flatMap(c -> c.download(file.fileRef()));
        if (bytes.isEmpty()) {
            // Telegram itself refuses bots files over 20 MB; the size is not known here, so say both.
            return List.of(Reply.text("Не удалось получить файл. Telegram отдаёт ботам файлы до 20 МБ: "
                    + "если файл больше, сохраните его в XLSX, разделите по районам или загрузите через "
                    + "/api/admin/programs/import. Если меньше — попробуйте отправить его ещё раз."));
        }
        String args = in.commandArgs().toLowerCase(Locale.ROOT);
        boolean partial = args.contains("partial");
        boolean full = !args.contains("add");
        try {
            ImportResult result = programImport.importFile(file.fileName() == null ? "import.csv" : file.fileName(),
                    bytes.get(), new ProgramImport.Options(partial, full, access.isAdmin(in) ? null : municipality));
            audit.record(AuditLog.actorOf(in), "catalog.import", (full ? "full" : "add") + ": created " + result.created()
                    + ", updated " + result.updated() + ", deactivated " + result.deactivated()
                    + ", rejected " + result.rejected().size());
            return List.of(Reply.text(report(result, partial)));
        } catch (ImportFileException e) {
            return List.of(Reply.text("⚠️ Файл не загружен: " + Markup.escape(e.getMessage())));
        }
    }

    private static String report(ImportResult r, boolean partial) {
        StringBuilder sb = new StringBuilder();
        if (!r.rejected().isEmpty() && !partial) {
            sb.append("⚠️ **Ничего не изменено**: в файле есть ошибочные строки (").append(r.rejected().size())
                    .append("). Исправьте их или отправьте с подписью /import partial.\n\n");
        } else {
            sb.append("✅ Загружено: новых ").append(r.created()).append(", обновлено ").append(r.updated())
                    .append(", снято с показа ").append(r.deactivated()).append(".\n\n");
        }
        if (!r.rejected().isEmpty()) {
            sb.append(r.rejected().stream().limit(SHOWN_REJECTIONS)
                    .map(x -> "строка " + x.row() + ": " + Markup.escape(x.reason()))
                    .collect(Collectors.joining("\n")));
            if (r.rejected().size() > SHOWN_REJECTIONS) {
                sb.append("\n… и ещё ").append(r.rejected().size() - SHOWN_REJECTIONS);
            }
        }
        return sb.toString().strip();
    }
}
