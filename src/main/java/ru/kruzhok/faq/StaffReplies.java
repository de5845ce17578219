package ru.kruzhok.faq;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffChats;
import ru.kruzhok.staff.StaffInput;

/** A staff member's Telegram reply, in a bound staff group, to a posted question goes back to the parent. */
@Component
class StaffReplies implements StaffInput {

    private final QuestionDesk desk;
    private final StaffChats staffChats;
    private final StaffAccess access;

    StaffReplies(QuestionDesk desk, StaffChats staffChats, StaffAccess access) {
        this.desk = desk;
        this.staffChats = staffChats;
        this.access = access;
    }

    @Override
    public Optional<List<Reply>> take(Incoming in) {
        if (in.chatKind() != Incoming.ChatKind.GROUP || in.replyToMessageId() == null || in.type() != Incoming.Type.TEXT) {
            return Optional.empty();
        }
        Optional<String> municipality = staffChats.municipalityOfStaffChat(in.chat());
        if (municipality.isEmpty() || !access.mayAct(in, municipality.get())) {
            return Optional.empty();
        }
        return desk.relayAnswer(in.chat(), in.replyToMessageId(), AuditLog.actorOf(in), in.text())
                .map(relayed -> List.of(relayed.delivered()
                        ? Reply.text("✅ Ответ отправлен родителю.").withButtonRow(
                                Button.action("📚 В базу ответов", FaqSuggestionButtons.PROPOSE + relayed.questionId()))
                        : Reply.text("⚠️ Не получилось доставить ответ: родитель заблокировал бота или удалил чат.")));
    }
}
