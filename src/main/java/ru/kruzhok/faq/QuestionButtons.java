package ru.kruzhok.faq;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffButton;
import ru.kruzhok.staff.StaffChats;

/**
 * «✅ Закрыть вопрос» under a question's post and in /questions: closes it without an answer (staff
 * phoned the parent, or it needs none). Only staff of the question's municipality, or an admin.
 */
@Component
class QuestionButtons implements StaffButton {

    static final String PREFIX = StaffButton.prefixFor("dq");

    private final QuestionDesk desk;
    private final DeskPosts posts;
    private final StaffAccess access;
    private final StaffChats staffChats;
    private final AuditLog audit;

    QuestionButtons(QuestionDesk desk, DeskPosts posts, StaffAccess access, StaffChats staffChats, AuditLog audit) {
        this.desk = desk;
        this.posts = posts;
        this.access = access;
        this.staffChats = staffChats;
        this.audit = audit;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<List<Reply>> press(Incoming in, String data) {
        if (!data.startsWith(":c:")) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(data.substring(3));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<String> municipality = desk.municipalityOf(id);
        if (municipality.isEmpty()) {
            return Optional.of(List.of(Reply.text("Вопрос №" + id + " не найден (родитель мог удалить свои данные).")));
        }
        if (!access.isAdmin(in) && !access.mayAct(in, municipality.get())) {
            return Optional.of(List.of(Reply.text("Закрывать вопросы этого района могут только его сотрудники.")));
        }
        boolean closed = desk.close(id, AuditLog.actorOf(in));
        if (closed) {
            audit.record(AuditLog.actorOf(in), "desk.close", "question " + id);
        }
        Reply said = Reply.text(closed ? "✅ Вопрос №" + id + " закрыт." : "Вопрос №" + id + " уже закрыт или отвечен.");
        boolean inGroup = staffChats.municipalityOfStaffChat(in.chat()).isPresent();
        if (inGroup && posts.sayInThread(id, null, said)) {
            return Optional.of(List.of());
        }
        return Optional.of(List.of(said));
    }
}
