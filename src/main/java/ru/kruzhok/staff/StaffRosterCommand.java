package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/** /staff add|remove|list — admins manage staff in their private chat with the bot. */
@Component
class StaffRosterCommand implements StaffCommand {

    static final String USAGE = """
            Управление сотрудниками:
            /staff add <id или @имя> <муниципалитет или admin> — выдать роль
            /staff remove <id или @имя> [муниципалитет или admin] — снять роль (без муниципалитета — все роли)
            /staff list — список сотрудников
            
            Муниципалитеты: %s""";
    static final String UNKNOWN_PERSON = "Не знаю такого пользователя. Укажите числовой Telegram id или @имя "
            + "человека, который уже писал боту.";

    private final StaffRoster roster;
    private final Municipalities municipalities;

    StaffRosterCommand(StaffRoster roster, Municipalities municipalities) {
        this.roster = roster;
        this.municipalities = municipalities;
    }

    @Override
    public String name() {
        return "staff";
    }


    @Override

    public Role role() {

        return Role.ADMIN;

    }


    @Override

    public String description() {

        return "Сотрудники: add, remove, list";

    }

    @Override
    public List<Reply> handle(Incoming incoming) {
        if (!incoming.isPrivate()) {
            return List.of();
        }
        String[] args = incoming.commandArgs().isEmpty() ? new String[0] : incoming.commandArgs().split("\\s+");
        String sub = args.length == 0 ? "" : args[0].toLowerCase(java.util.Locale.ROOT);
        return List.of(Reply.text(switch (sub) {
            case "add" -> add(incoming, args);
            case "remove" -> remove(incoming, args);
            case "list" -> list();
            default -> usage();
        }));
    }

    private String add(Incoming incoming, String[] args) {
        if (args.length != 3) {
            return usage();
        }
        Optional<Long> user = roster.resolve(args[1]);
        if (user.isEmpty()) {
            return UNKNOWN_PERSON;
        }
        Optional<String> role = roster.role(args[2]);
        if (role.isEmpty()) {
            return "Нет такого муниципалитета. " + codes();
        }
        return switch (roster.add(user.get(), role.get(), AuditLog.actorOf(incoming))) {
            case ADDED -> "✅ Роль «" + label(role.get()) + "» выдана пользователю " + user.get() + ".";
            default -> "У пользователя " + user.get() + " уже есть роль «" + label(role.get()) + "».";
        };
    }

    private String remove(Incoming incoming, String[] args) {
        if (args.length < 2 || args.length > 3) {
            return usage();
        }
        Optional<Long> user = roster.resolve(args[1]);
        if (user.isEmpty()) {
            return UNKNOWN_PERSON;
        }
        String role = null;
        if (args.length == 3) {
            Optional<String> parsed = roster.role(args[2]);
            if (parsed.isEmpty()) {
                return "Нет такого муниципалитета. " + codes();
            }
            role = parsed.get();
        }
        return switch (roster.remove(user.get(), role, AuditLog.actorOf(incoming))) {
            case REMOVED -> "✅ " + (role == null ? "Все роли сняты" : "Роль «" + label(role) + "» снята")
                    + " у пользователя " + user.get() + ".";
            case CONFIGURED_ADMIN -> "Пользователь " + user.get() + " — администратор из настроек (STAFF_TELEGRAM_IDS); "
                    + "снять эту роль можно только там.";
            default -> "У пользователя " + user.get() + " нет такой роли.";
        };
    }

    private String list() {
        List<StaffRoster.Member> members = roster.members();
        if (members.isEmpty()) {
            return "Сотрудников пока нет.";
        }
        StringBuilder sb = new StringBuilder("**Сотрудники:**\n");
        for (StaffRoster.Member m : members) {
            sb.append("• ").append(m.telegramUserId());
            if (m.username() != null) {
                sb.append(" @").append(Markup.escape(m.username()));
            }
            sb.append(" — ").append(String.join(", ", m.roles().stream().map(this::label).toList()));
            if (m.configuredAdmin()) {
                sb.append(" (из настроек)");
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }

    private String usage() {
        return USAGE.formatted(codes());
    }

    private String codes() {
        return String.join(", ", municipalities.all().stream().map(m -> m.code() + " — " + m.name()).toList())
                + "; admin — администратор";
    }

    private String label(String role) {
        return StaffRoles.ADMIN.equals(role) ? "администратор"
                : municipalities.find(role).map(Municipality::name).orElse(role);
    }
}
