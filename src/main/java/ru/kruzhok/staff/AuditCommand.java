package ru.kruzhok.staff;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;

/** /audit [N] — the latest N staff actions (20 by default), for admins. */
@Component
class AuditCommand implements StaffCommand {

    static final int DEFAULT = 20;
    static final int MAX = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final AuditLog audit;
    private final Clock clock;

    AuditCommand(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "audit";
    }


    @Override

    public Role role() {

        return Role.ADMIN;

    }


    @Override

    public String description() {

        return "Журнал действий сотрудников";

    }

    @Override
    public List<Reply> handle(Incoming incoming) {
        if (!incoming.isPrivate()) {
            return List.of();
        }
        int limit = DEFAULT;
        try {
            if (!incoming.commandArgs().isEmpty()) {
                limit = Math.max(1, Math.min(MAX, Integer.parseInt(incoming.commandArgs())));
            }
        } catch (NumberFormatException e) {
            return List.of(Reply.text("Укажите число записей: /audit 50"));
        }
        List<AuditLog.Entry> entries = audit.latest(limit);
        if (entries.isEmpty()) {
            return List.of(Reply.text("Журнал пока пуст."));
        }
        StringBuilder sb = new StringBuilder("**Журнал действий** (последние " + entries.size() + "):\n");
        for (AuditLog.Entry e : entries) {
            sb.append(TIME.format(e.at().atZone(clock.getZone()))).append(" · ").append(Markup.escape(e.actor()))
                    .append(" · ").append(Markup.escape(e.action())).append(" · ").append(Markup.escape(e.details()))
                    .append('\n');
        }
        return List.of(Reply.text(sb.toString().strip()));
    }
}
