package ru.kruzhok.faq;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffChats;
import ru.kruzhok.staff.StaffCommand;

/**
 * {@code /block} and {@code /unblock}: a parent who abuses the chat no longer reaches staff. The
 * parent is named by a question number ({@code /block 12}) or, in the staff group, by replying
 * with the command in the parent's thread. Audited; the parent gets one polite notice.
 */
final class BlockCommands {

    private BlockCommands() {
    }

    /** The parent a block command is about and the question that named them, or why there is none. */
    private record Target(long questionId, ChatAddress parent, Reply problem) {
        static Target problem(Reply why) {
            return new Target(0, null, why);
        }
    }

    /** Shared by both commands: finding the parent and checking the staff member may act for them. */
    @Component
    static class Targets {
        private final QuestionDesk desk;
        private final DeskPosts posts;
        private final StaffAccess access;
        private final StaffChats staffChats;

        Targets(QuestionDesk desk, DeskPosts posts, StaffAccess access, StaffChats staffChats) {
            this.desk = desk;
            this.posts = posts;
            this.access = access;
            this.staffChats = staffChats;
        }

        private Target find(Incoming in, String verb) {
            Optional<Long> id;
            String args = in.commandArgs().replace("№", "").strip();
            if (!args.isEmpty()) {
                try {
                    id = Optional.of(Long.parseLong(args.split("\\s+")[0]));
                } catch (NumberFormatException e) {
                    return Target.problem(usage(verb));
                }
            } else if (staffChats.municipalityOfStaffChat(in.chat()).isPresent()) {
                id = posts.questionOf(in.chat(), in.replyToMessageId(), in.threadId());
            } else {
                id = Optional.empty();
            }
            if (id.isEmpty()) {
                return Target.problem(usage(verb));
            }
            Optional<String> municipality = desk.municipalityOf(id.get());
            Optional<ChatAddress> parent = desk.parentOf(id.get());
            if (parent.isEmpty()) {
                return Target.problem(Reply.text("Вопрос №" + id.get() + " не найден."));
            }
            if (!access.isAdmin(in) && (municipality.isEmpty() || !access.mayAct(in, municipality.get()))) {
                return Target.problem(Reply.text(
                        "Это вопрос другого района: блокировать его автора может его сотрудник или администратор."));
            }
            return new Target(id.get(), parent.get(), null);
        }

        private static Reply usage(String verb) {
            return Reply.text("Напишите `/" + verb + " <номер вопроса>` или ответьте этой командой на пост вопроса "
                    + "(в теме родителя — просто напишите её в теме).");
        }

        /** The reply into the question's thread when the command was given in the group. */
        private List<Reply> say(Incoming in, long questionId, Reply reply) {
            return staffChats.municipalityOfStaffChat(in.chat()).isPresent() && in.threadId() != null
                    && posts.sayInThread(questionId, in.messageId(), reply) ? List.of() : List.of(reply);
        }
    }

    @Component
    static class Block implements StaffCommand {
        private final Targets targets;
        private final QuestionDesk desk;
        private final AuditLog audit;

        Block(Targets targets, QuestionDesk desk, AuditLog audit) {
            this.targets = targets;
            this.desk = desk;
            this.audit = audit;
        }

        @Override
        public String name() {
            return "block";
        }

        @Override
        public Role role() {
            return Role.STAFF;
        }

        @Override
        public String description() {
            return "заблокировать родителя (№ вопроса): его сообщения не дойдут до сотрудников";
        }

        @Override
        public List<Reply> handle(Incoming in) {
            Target target = targets.find(in, "block");
            if (target.problem() != null) {
                return List.of(target.problem());
            }
            boolean blocked = desk.block(target.parent(), AuditLog.actorOf(in));
            if (blocked) {
                audit.record(AuditLog.actorOf(in), "desk.block", "question " + target.questionId() + " (" + target.parent().channel() + ")");
            }
            return targets.say(in, target.questionId(), Reply.text(blocked
                    ? "🚫 Автор вопроса №" + target.questionId() + " заблокирован: его сообщения больше не попадут к сотрудникам, "
                    + "он получит одно вежливое уведомление. Разблокировать: `/unblock " + target.questionId() + "`."
                    : "Автор вопроса №" + target.questionId() + " уже заблокирован."));
        }
    }

    @Component
    static class Unblock implements StaffCommand {
        private final Targets targets;
        private final QuestionDesk desk;
        private final AuditLog audit;

        Unblock(Targets targets, QuestionDesk desk, AuditLog audit) {
            this.targets = targets;
            this.desk = desk;
            this.audit = audit;
        }

        @Override
        public String name() {
            return "unblock";
        }

        @Override
        public Role role() {
            return Role.STAFF;
        }

        @Override
        public String description() {
            return "снять блокировку с автора вопроса (№ вопроса)";
        }

        @Override
        public List<Reply> handle(Incoming in) {
            Target target = targets.find(in, "unblock");
            if (target.problem() != null) {
                return List.of(target.problem());
            }
            boolean unblocked = desk.unblock(target.parent());
            if (unblocked) {
                audit.record(AuditLog.actorOf(in), "desk.unblock", "question " + target.questionId() + " (" + target.parent().channel() + ")");
            }
            return targets.say(in, target.questionId(), Reply.text(unblocked
                    ? "✅ Автор вопроса №" + target.questionId() + " разблокирован: его вопросы снова будут приходить сюда."
                    : "Автор вопроса №" + target.questionId() + " не был заблокирован."));
        }
    }
}
