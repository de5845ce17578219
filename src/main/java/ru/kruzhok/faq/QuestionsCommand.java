package ru.kruzhok.faq;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;

/** {@code /questions}: the open questions of the staff member's municipalities, oldest first, with their age. */
@Component
class QuestionsCommand implements StaffCommand {

    static final int SHOWN = 15;
    private static final int BUTTONS = 8;

    private final QuestionDesk desk;
    private final StaffAccess access;
    private final ChannelRegistry channels;
    private final Clock clock;

    QuestionsCommand(QuestionDesk desk, StaffAccess access, ChannelRegistry channels, Clock clock) {
        this.desk = desk;
        this.access = access;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "questions";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "открытые вопросы родителей, самые давние первыми";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        boolean admin = access.isAdmin(in);
        List<QuestionDesk.OpenQuestion> open = desk.openQuestions(access.municipalitiesOf(in), admin, SHOWN + 1);
        if (open.isEmpty()) {
            return List.of(Reply.text("✅ Открытых вопросов нет — все родители получили ответ."));
        }
        StringBuilder sb = new StringBuilder("📋 **Открытые вопросы**")
                .append(open.size() > SHOWN ? " (первые " + SHOWN + ")" : " (" + open.size() + ")").append('\n');
        Reply reply = Reply.text("");
        int shown = 0;
        for (QuestionDesk.OpenQuestion q : open.subList(0, Math.min(SHOWN, open.size()))) {
            String via = channels.find(q.channel()).map(c -> c.displayName()).orElse(q.channel());
            sb.append("\n**№").append(q.id()).append("** · ждёт ")
                    .append(WorkingHours.age(Duration.between(q.createdAt(), clock.instant())))
                    .append(" · ").append(Markup.escape(q.municipality() == null ? "без района" : q.municipality()))
                    .append(" · ").append(Markup.escape(via))
                    .append(q.posted() ? "" : " · __не в группе: у района нет группы__")
                    .append("\n«").append(Markup.escape(QuestionDesk.cut(q.question().replace('\n', ' '), 120))).append("»\n");
            if (shown++ < BUTTONS) {
                reply = reply.withButtonRow(Button.action("✅ Закрыть №" + q.id(), DeskPosts.CLOSE + q.id()));
            }
        }
        sb.append("\n__Ответьте в теме или на пост вопроса в группе — ответ уйдёт родителю и закроет вопрос.__");
        return List.of(new Reply(sb.toString(), reply.buttons(), null, Reply.Mode.SEND_NEW));
    }
}
