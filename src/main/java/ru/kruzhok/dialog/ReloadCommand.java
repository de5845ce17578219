package ru.kruzhok.dialog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;
import ru.kruzhok.staff.StaffFilterOrder;

/**
 * /reload for staff: re-reads dialogs/ (flows, texts, FAQ, surveys) without a restart and says what
 * was reloaded; a broken file is reported with its file and line, and all the old versions stay.
 */
@Component
@Order(StaffFilterOrder.FEATURE_COMMANDS)
class ReloadCommand implements IncomingFilter {

    private final StaffAccess access;
    private final DialogReload reload;
    private final AuditLog audit;

    ReloadCommand(StaffAccess access, DialogReload reload, AuditLog audit) {
        this.access = access;
        this.reload = reload;
        this.audit = audit;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming in) {
        if (!"reload".equals(in.command()) || !access.isStaff(in)) {
            return Optional.empty(); // the staff guard has already answered anyone else
        }
        DialogReload.Result result = reload.reloadAll();
        audit.record(AuditLog.actorOf(in), "dialogs.reload", result.ok() ? "version " + result.version() : "refused");
        return Optional.of(List.of(Reply.text(result.ok()
                ? "✅ Диалоги обновлены.\n" + result.reloaded().stream().map(line -> "• " + Markup.escape(line))
                        .collect(Collectors.joining("\n"))
                : "⚠️ Ничего не обновлено, работают прежние диалоги, ответы и опросы. Ошибка:\n"
                        + Markup.escape(result.problem()))));
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        StaffCommand reloadStaffCommand() {
            return StaffCommand.staff("reload", "Перечитать диалоги, ответы и опросы из dialogs/");
        }
    }
}
