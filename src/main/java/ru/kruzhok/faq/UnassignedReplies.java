package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffChats;

/**
 * A member of a staff group without a staff role who answers a question would otherwise be ignored
 * silently, and the parent would wait for nothing. They are told once how to get the role —
 * privately when the bot may write to them, else in the question's thread. Staff messages never get
 * here: the staff filter runs first and takes them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 190)
class UnassignedReplies implements IncomingFilter {

    private final JdbcTemplate jdbc;
    private final StaffChats staffChats;
    private final StaffAccess access;
    private final DeskPosts posts;
    private final ChannelRegistry channels;
    private final Clock clock;

    UnassignedReplies(JdbcTemplate jdbc, StaffChats staffChats, StaffAccess access, DeskPosts posts,
                      ChannelRegistry channels, Clock clock) {
        this.jdbc = jdbc;
        this.staffChats = staffChats;
        this.access = access;
        this.posts = posts;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public Optional<List<Reply>> intercept(Incoming in) {
        if (in.chatKind() != Incoming.ChatKind.GROUP || in.fromBot() || in.userId() == null || in.command() != null
                || (in.replyToMessageId() == null && in.threadId() == null)
                || (in.type() != Incoming.Type.TEXT && in.type() != Incoming.Type.ATTACHMENT)) {
            return Optional.empty();
        }
        if (staffChats.municipalityOfStaffChat(in.chat()).isEmpty() || access.isStaff(in)) {
            return Optional.empty();
        }
        Optional<Long> question = posts.questionOf(in.chat(), in.replyToMessageId(), in.threadId());
        if (question.isEmpty()) {
            return Optional.empty();
        }
        String userKey = in.chat().channel() + ":" + in.userId();
        int first = jdbc.update("insert into desk_role_hint(user_key, told_at) values (?, ?) on conflict do nothing",
                userKey, Timestamp.from(clock.instant()));
        if (first == 0) {
            return Optional.of(List.of()); // told before: their messages stay in the group, unsent
        }
        String hint = "ℹ️ Ваш ответ не ушёл родителю: отвечать на вопросы могут только сотрудники МОЦ с ролью в боте. "
                + "Попросите администратора написать боту `/staff add " + in.userId() + " <код района>` — после этого "
                + "ответьте на вопрос ещё раз.";
        boolean privately = channels.deliver(new ChatAddress(in.chat().channel(), in.userId()), Reply.text(hint)).isSent();
        if (!privately) {
            posts.sayInThread(question.get(), in.messageId(), Reply.text(hint));
        }
        return Optional.of(List.of());
    }
}
