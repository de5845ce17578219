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

/**
 * A staff member's message in a bound staff group that answers a question — a reply to one of its
 * posts, or anything written in the parent's forum topic — goes back to the parent: text with its
 * formatting, a photo, a file, a voice message. The confirmation goes into the same thread.
 */
@Component
class StaffReplies implements StaffInput {

    /** A message starting with this stays in the staff group: staff talk in a parent's topic too. */
    static final String NOTE = "//";

    private final QuestionDesk desk;
    private final DeskPosts posts;
    private final StaffChats staffChats;
    private final StaffAccess access;

    StaffReplies(QuestionDesk desk, DeskPosts posts, StaffChats staffChats, StaffAccess access) {
        this.desk = desk;
        this.posts = posts;
        this.staffChats = staffChats;
        this.access = access;
    }

    @Override
    public Optional<List<Reply>> take(Incoming in) {
        if (in.chatKind() != Incoming.ChatKind.GROUP || in.fromBot() || in.edited()
                || (in.replyToMessageId() == null && in.threadId() == null)
                || (in.type() != Incoming.Type.TEXT && in.type() != Incoming.Type.ATTACHMENT)) {
            return Optional.empty();
        }
        if (in.text().startsWith(NOTE)) {
            return Optional.of(List.of()); // a note for colleagues in the parent's thread, not for the parent
        }
        Optional<String> municipality = staffChats.municipalityOfStaffChat(in.chat());
        if (municipality.isEmpty() || !access.mayAct(in, municipality.get())) {
            return Optional.empty();
        }
        return desk.relayAnswer(in, AuditLog.actorOf(in)).map(relayed -> {
            Reply said = relayed.delivered()
                    ? Reply.text("✅ Ответ отправлен родителю.").withButtonRow(
                            Button.action("📚 В базу ответов", FaqSuggestionButtons.PROPOSE + relayed.questionId()))
                    : Reply.text(relayed.problem());
            // into the thread the answer was written in (a forum topic, or under the staff member's reply)
            return posts.sayInThread(relayed.questionId(), in.messageId(), said) ? List.of() : List.of(said);
        });
    }
}
