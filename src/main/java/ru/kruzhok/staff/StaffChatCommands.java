package ru.kruzhok.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * /bind and /unbind, typed in a Telegram group by an admin or by staff of the municipality: the
 * group becomes (or stops being) that municipality's staff chat.
 */
@Component
class StaffChatCommands {

    static final String ONLY_IN_GROUP = "Эту команду нужно отправить в группе специалистов, куда добавлен бот: "
            + "/bind <муниципалитет>.";
    static final String NOT_YOURS = "Привязать или отвязать чат может администратор или специалист этого муниципалитета.";

    private final StaffChats staffChats;
    private final StaffAccess access;
    private final Municipalities municipalities;
    private final AuditLog audit;

    StaffChatCommands(StaffChats staffChats, StaffAccess access, Municipalities municipalities, AuditLog audit) {
        this.staffChats = staffChats;
        this.access = access;
        this.municipalities = municipalities;
        this.audit = audit;
    }

    List<Reply> bind(Incoming incoming) {
        if (incoming.chatKind() != Incoming.ChatKind.GROUP) {
            return List.of(Reply.text(ONLY_IN_GROUP));
        }
        Optional<Municipality> municipality = municipalities.find(incoming.commandArgs());
        if (municipality.isEmpty()) {
            return List.of(Reply.text("Укажите муниципалитет: " + String.join(", ",
                    access.municipalitiesOf(incoming).stream().map(code -> "/bind " + code).toList())));
        }
        String code = municipality.get().code();
        if (!access.mayAct(incoming, code)) {
            return List.of(Reply.text(NOT_YOURS));
        }
        Optional<String> current = staffChats.municipalityOfStaffChat(incoming.chat());
        if (current.isPresent() && !current.get().equals(code)) {
            return List.of(Reply.text("Эта группа уже чат специалистов «" + nameOf(current.get())
                    + "». Сначала отвяжите её командой /unbind."));
        }
        Optional<ChatAddress> replaced = staffChats.bind(code, incoming.chat(), AuditLog.actorOf(incoming));
        audit.record(AuditLog.actorOf(incoming), "chat.bind", "municipality " + code + " chat " + incoming.chat().key()
                + replaced.map(r -> " (replaced " + r.key() + ")").orElse(""));
        return List.of(Reply.text("✅ Готово: эта группа — чат специалистов «" + municipality.get().name() + "». "
                + "Сюда будут приходить вопросы родителей, на которые бот не знает ответа."
                + (replaced.isPresent() ? " Прежняя группа отвязана." : "")));
    }

    List<Reply> unbind(Incoming incoming) {
        if (incoming.chatKind() != Incoming.ChatKind.GROUP) {
            return List.of(Reply.text(ONLY_IN_GROUP));
        }
        Optional<String> current = staffChats.municipalityOfStaffChat(incoming.chat());
        if (current.isEmpty()) {
            return List.of(Reply.text("Эта группа не привязана ни к одному муниципалитету."));
        }
        if (!access.mayAct(incoming, current.get())) {
            return List.of(Reply.text(NOT_YOURS));
        }
        staffChats.unbind(incoming.chat());
        audit.record(AuditLog.actorOf(incoming), "chat.unbind", "municipality " + current.get() + " chat " + incoming.chat().key());
        return List.of(Reply.text("Группа отвязана: вопросы «" + nameOf(current.get()) + "» сюда больше не приходят."));
    }

    private String nameOf(String code) {
        return municipalities.find(code).map(Municipality::name).orElse(code);
    }

    @Component
    static class Bind implements StaffCommand {
        private final StaffChatCommands commands;

        Bind(StaffChatCommands commands) {
            this.commands = commands;
        }

        @Override
        public String name() {
            return "bind";
        }


        @Override

        public Role role() {

            return Role.STAFF;

        }


        @Override

        public String description() {

            return "(в группе) Сделать группу чатом специалистов";

        }

        @Override
        public List<Reply> handle(Incoming incoming) {
            return commands.bind(incoming);
        }
    }

    @Component
    static class Unbind implements StaffCommand {
        private final StaffChatCommands commands;

        Unbind(StaffChatCommands commands) {
            this.commands = commands;
        }

        @Override
        public String name() {
            return "unbind";
        }


        @Override

        public Role role() {

            return Role.STAFF;

        }


        @Override

        public String description() {

            return "(в группе) Отвязать группу";

        }

        @Override
        public List<Reply> handle(Incoming incoming) {
            return commands.unbind(incoming);
        }
    }
}
