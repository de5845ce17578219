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
import ru.kruzhok.staff.StaffButton;
import ru.kruzhok.staff.StaffCommand;
import ru.kruzhok.channel.Button;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * Staff send a CSV or XLSX file to the bot with the caption /import [add] [partial]: the catalog of
 * their municipality is replaced by the file (programs it lacks are hidden, as for the Navigator's
 * full export), or with {@code add} only added to and updated; every rejected row is listed. Rows of
 * other municipalities are refused for staff who do not serve them. A full import that would hide
 * more than a tenth of a municipality's programs first shows the counts and asks (buttons), the file
 * kept in {@link PendingImports}; {@code /import undo} puts back the catalog as it was before the
 * last import.
 */
@Component
class ImportCommand implements StaffCommand, StaffButton {

    private static final int SHOWN_REJECTIONS = 20;
    static final String PREFIX = StaffButton.prefixFor("imp");
    static final String CONFIRM_LABEL = "✅ Да, загрузить";
    static final String CANCEL_LABEL = "✖️ Отмена";

    private final StaffAccess access;
    private final ProgramImport programImport;
    private final ChannelRegistry channels;
    private final AuditLog audit;
    private final PendingImports pending;
    private final Municipalities municipalities;

    ImportCommand(StaffAccess access, ProgramImport programImport, ChannelRegistry channels, AuditLog audit,
                  PendingImports pending, Municipalities municipalities) {
        this.access = access;
        this.programImport = programImport;
        this.channels = channels;
        this.audit = audit;
        this.pending = pending;
        this.municipalities = municipalities;
    }

    @Override
    public String prefix() {
        return PREFIX;
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
        return "Загрузить программы: файл с подписью /import; /import undo — отменить последнюю загрузку";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        if (!in.isPrivate()) {
            return List.of(); // a file shared in a group is not an import
        }
        if (in.commandArgs().strip().equalsIgnoreCase("undo")) {
            return undo(in);
        }
        IncomingAttachment file = in.attachment();
        if (file == null || file.kind() != IncomingAttachment.Kind.DOCUMENT || file.fileRef() == null) {
            return List.of(Reply.text(
                    """
                    Пришлите файл CSV или XLSX из Навигатора с подписью:
                    /import — файл заменяет весь каталог района (программы, которых в нём нет, скрываются);
                    /import add — только добавить новые и обновить имеющиеся программы;
                    /import partial — загрузить верные строки, пропустив ошибочные (можно вместе с add).
                    /import undo — вернуть каталог, каким он был до последней загрузки."""));
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
        String fileName = file.fileName() == null ? "import.csv" : file.fileName();
        ProgramImport.Options options = new ProgramImport.Options(partial, full,
                access.isAdmin(in) ? null : municipality, true);
        return run(in, fileName, bytes.get(), options);
    }

    private List<Reply> run(Incoming in, String fileName, byte[] content, ProgramImport.Options options) {
        boolean partial = options.partial();
        boolean full = options.full();
        try {
            ImportResult result = programImport.importFile(fileName, content, options);
            if (result.needsConfirmation()) {
                long id = pending.keep(AuditLog.actorOf(in), fileName, content, partial, options.defaultMunicipality());
                return List.of(Reply.text(askToConfirm(result)).withButtonRow(
                        Button.action(CONFIRM_LABEL, PREFIX + ":ok:" + id), Button.action(CANCEL_LABEL, PREFIX + ":no:" + id)));
            }
            audit.record(AuditLog.actorOf(in), "catalog.import", (full ? "full" : "add") + ": created " + result.created()
                    + ", updated " + result.updated() + ", deactivated " + result.deactivated()
                    + ", rejected " + result.rejected().size());
            return List.of(Reply.text(report(result, partial)));
        } catch (ImportFileException e) {
            return List.of(Reply.text("⚠️ Файл не загружен: " + Markup.escape(e.getMessage())));
        }
    }

    @Override
    public Optional<List<Reply>> press(Incoming in, String data) {
        String[] parts = data.split(":");
        if (!in.isPrivate() || parts.length != 3 || !parts[2].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Optional<PendingImports.Pending> p = pending.take(Long.parseLong(parts[2]), AuditLog.actorOf(in));
        if (p.isEmpty()) {
            return Optional.of(List.of(Reply.text("Эта загрузка уже завершена или отменена. Пришлите файл ещё раз.")));
        }
        if (parts[1].equals("no")) {
            return Optional.of(List.of(Reply.text("Отменено: каталог не изменён.")));
        }
        PendingImports.Pending file = p.get();
        return Optional.of(run(in, file.fileName(), file.content(),
                new ProgramImport.Options(file.partial(), true, file.municipality(), false)));
    }

    private String askToConfirm(ImportResult r) {
        StringBuilder sb = new StringBuilder("⚠️ **Проверьте, пожалуйста**: этот файл заменит весь каталог и скроет ");
        sb.append(r.wouldHide().stream().map(h -> h.hidden() + " из " + h.active() + " программ ("
                        + Markup.escape(municipalities.find(h.municipality()).map(Municipality::name).orElse(h.municipality()))
                        + ")")
                .collect(Collectors.joining(", ")));
        sb.append(" — их нет в файле. Если в файле только часть программ, отмените и отправьте его с подписью /import add.");
        sb.append("\n\nЗагрузить и скрыть их? Вернуть всё можно командой /import undo.");
        return sb.toString();
    }

    private List<Reply> undo(Incoming in) {
        Optional<ProgramImport.Undone> undone = programImport.undoLast(access.isAdmin(in) ? null : access.municipalitiesOf(in));
        if (undone.isEmpty()) {
            return List.of(Reply.text("Нечего отменять: последней загрузки нет или она касалась не только ваших районов."));
        }
        ProgramImport.Undone u = undone.get();
        audit.record(AuditLog.actorOf(in), "catalog.undo", "restored " + u.restored() + ", hidden " + u.hidden()
                + " " + String.join(",", u.municipalities()));
        return List.of(Reply.text("↩️ Каталог возвращён к состоянию до загрузки: восстановлено программ " + u.restored()
                + ", скрыто новых " + u.hidden() + "."));
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
