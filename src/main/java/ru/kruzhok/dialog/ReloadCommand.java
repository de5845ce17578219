package ru.kruzhok.dialog;

import java.util.List;
import java.util.Optional;

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

/** /reload for staff: re-reads dialogs/ without a restart; a broken file is reported and the old dialogs stay. */
@Component
@Order(StaffFilterOrder.FEATURE_COMMANDS)
class ReloadCommand implements IncomingFilter {

    private final StaffAccess access;
    private final DialogRegistry registry;
    private final AuditLog audit;

    ReloadCommand(StaffAccess access, DialogRegistry registry, AuditLog audit) {
        this.access = access;
        this.registry = registry;
        this.audit = audit;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming in) {
        if (!"reload".equals(in.command()) || !access.isStaff(in)) {
            return Optional.empty(); // the staff guard has already answered anyone else
        }
        DialogRegistry.ReloadResult result = registry.reload();
        audit.record(AuditLog.actorOf(in), "dialogs.reload", result.ok() ? "version " + result.version() : "refused");
        return Optional.of(List.of(Reply.text(result.ok()
                ? "✅ Диалоги обновлены (версия " + result.version() + ")."
                : "⚠️ Диалоги не обновлены, работают прежние. Ошибка:\n" + Markup.escape(result.problem()))));
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        StaffCommand reloadStaffCommand() {
            return StaffCommand.staff("reload", "Перечитать диалоги из папки dialogs/");
        }
    }
}
