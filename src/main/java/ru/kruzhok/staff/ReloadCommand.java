package ru.kruzhok.staff;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogReload;

/**
 * /reload for staff: re-reads dialogs/ (flows, texts, FAQ, surveys) without a restart and says what
 * was reloaded; a broken file is reported with its file and line, and all the old versions stay.
 */
@Component
class ReloadCommand implements StaffCommand {

    private final DialogReload reload;
    private final AuditLog audit;

    ReloadCommand(DialogReload reload, AuditLog audit) {
        this.reload = reload;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "reload";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "Перечитать диалоги, ответы и опросы из dialogs/";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        DialogReload.Result result = reload.reloadAll();
        audit.record(AuditLog.actorOf(in), "dialogs.reload", result.ok() ? "version " + result.version() : "refused");
        return List.of(Reply.text(result.ok()
                ? "✅ Диалоги обновлены.\n" + result.reloaded().stream().map(line -> "• " + Markup.escape(line))
                        .collect(Collectors.joining("\n"))
                : "⚠️ Ничего не обновлено, работают прежние диалоги, ответы и опросы. Ошибка:\n"
                        + Markup.escape(result.problem())));
    }
}
