package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.MessagePlace;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.staff.StaffChats;

/**
 * Puts a parent's questions into the staff group as one thread per parent: a forum topic when the
 * group has topics on (created on the parent's first question, reused after), otherwise a reply
 * chain (each new post replies to the parent's previous one). Everything the parent sends while a
 * question is open follows in the same thread. Every post is remembered, so a staff reply to any of
 * them finds the question.
 */
@Component
class DeskPosts {

    private static final Logger log = LoggerFactory.getLogger(DeskPosts.class);
    static final String CLOSE = QuestionButtons.PREFIX + ":c:";

    private final JdbcTemplate jdbc;
    private final StaffChats staffChats;
    private final ChannelRegistry channels;
    private final Municipalities municipalities;
    private final Clock clock;

    DeskPosts(JdbcTemplate jdbc, StaffChats staffChats, ChannelRegistry channels, Municipalities municipalities,
              Clock clock) {
        this.jdbc = jdbc;
        this.staffChats = staffChats;
        this.channels = channels;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** A parent's thread in one staff group. */
    record Thread(long id, ChatAddress group, String topicId, String lastPostId) {
        /** Where the next post of the thread goes; {@code replyTo} is used only without a topic. */
        MessagePlace place(String replyTo) {
            if (topicId != null) {
                return MessagePlace.inThread(topicId);
            }
            return replyTo == null ? null : MessagePlace.replyTo(replyTo);
        }
    }

    /** Posts a new question (status 'new') into its group; false when it has to wait (no group, send failed). */
    boolean postQuestion(long id) {
        List<Object[]> rows = jdbc.query("""
                select channel, chat_id, municipality, question, context from staff_question where id = ? and status = 'new'
                """, (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)}, id);
        if (rows.isEmpty()) {
            return false;
        }
        ChatAddress parent = new ChatAddress((String) rows.get(0)[0], (String) rows.get(0)[1]);
        String municipality = (String) rows.get(0)[2];
        Optional<ChatAddress> group = municipality == null ? Optional.empty() : staffChats.staffChatOf(municipality);
        if (group.isEmpty()) {
            log.info("Question {} waits: no staff group bound for municipality {}", id, municipality);
            return false;
        }
        // claimed first, so the minute's retry and the parent's own hand-over never post it twice
        if (jdbc.update("update staff_question set status = 'sent', posting_at = ? where id = ? and status = 'new'",
                Timestamp.from(clock.instant()), id) == 0) {
            return false;
        }
        Thread thread = threadOf(parent, group.get(), municipality);
        String via = channels.find(parent.channel()).map(c -> c.displayName()).orElse(parent.channel());
        String name = municipalities.find(municipality).map(Municipality::name).orElse(municipality);
        String context = (String) rows.get(0)[4];
        String text = "❓ **Вопрос №" + id + "** от родителя (" + Markup.escape(name) + ", " + Markup.escape(via) + ")\n\n"
                + Markup.escape((String) rows.get(0)[3])
                + (context == null || context.isBlank() ? "" : "\n\n" + context)
                + "\n\n__" + (thread.topicId() != null ? "Пишите ответ в этой теме" : "Ответьте на это сообщение (Reply)")
                + " — он уйдёт родителю: текст, фото, файл или голосовое.__";
        Reply post = Reply.text(text).withButtonRow(Button.action("✅ Закрыть вопрос", CLOSE + id));
        Delivery delivery = channels.deliver(group.get(), thread.place(thread.lastPostId()), post);
        if (!delivery.isSent()) {
            log.warn("Question {} not posted to the staff group ({}); will retry", id, delivery.status());
            jdbc.update("update staff_question set status = 'new' where id = ? and status = 'sent' and staff_chat is null", id);
            return false;
        }
        jdbc.update("update staff_question set staff_chat = ?, staff_message_id = ? where id = ?",
                group.get().key(), delivery.messageId(), id);
        remember(thread, id, delivery.messageId());
        postFollowUps(id);
        return true;
    }

    /** Posts what the parent sent after the question, in order; what fails stays for the next retry. */
    void postFollowUps(long questionId) {
        List<Object[]> question = jdbc.query("""
                select channel, chat_id, staff_chat, staff_message_id, municipality from staff_question
                where id = ? and status <> 'new' and staff_chat is not null
                """, (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)}, questionId);
        if (question.isEmpty()) {
            return;
        }
        ChatAddress parent = new ChatAddress((String) question.get(0)[0], (String) question.get(0)[1]);
        Optional<ChatAddress> group = staffChats.all().stream().map(StaffChats.Binding::chat)
                .filter(c -> c.key().equals(question.get(0)[2])).findFirst();
        if (group.isEmpty()) {
            return; // the group was unbound; the follow-ups wait with the question
        }
        Thread thread = threadOf(parent, group.get(), (String) question.get(0)[4]);
        String questionPost = (String) question.get(0)[3];
        jdbc.query("""
                select id, kind, text, file_ref, file_name, mime_type from desk_follow_up
                where question_id = ? and not posted order by id
                """, rs -> {
            long followUp = rs.getLong(1);
            // claimed before sending, so a retry running at the same time does not post it twice
            if (jdbc.update("update desk_follow_up set posted = true where id = ? and not posted", followUp) == 0) {
                return;
            }
            Reply reply = followUpReply(questionId, parent, rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6));
            Delivery delivery = channels.deliver(group.get(), thread.place(questionPost), reply);
            if (delivery.isSent()) {
                remember(thread, questionId, delivery.messageId());
            } else {
                jdbc.update("update desk_follow_up set posted = false where id = ?", followUp);
                log.warn("A follow-up of question {} not posted ({}); will retry", questionId, delivery.status());
            }
        }, questionId);
    }

    private Reply followUpReply(long id, ChatAddress parent, String kind, String text, String fileRef, String fileName,
                                String mime) {
        String head = "➕ **№" + id + "** — родитель пишет ещё";
        if ("TEXT".equals(kind)) {
            return Reply.text(head + ":\n\n" + Markup.escape(text));
        }
        String caption = text == null || text.isBlank() ? "" : "\n\n" + Markup.escape(text);
        Optional<OutgoingFile> file = DeskFiles.file(kind, fileName, mime, channels.download(parent.channel(), fileRef));
        if (file.isPresent()) {
            return Reply.text(head + caption).withFile(file.get());
        }
        return Reply.text(head + ": " + DeskFiles.kindName(kind) + " (переслать его бот не может — попросите родителя "
                + "описать словами или прислать фото/файлом)" + caption);
    }

    /** A short message into the question's thread (a confirmation, a reminder); false when it could not be sent. */
    boolean sayInThread(long questionId, String replyTo, Reply reply) {
        List<Object[]> question = jdbc.query("""
                select channel, chat_id, staff_chat, staff_message_id, municipality from staff_question
                where id = ? and staff_chat is not null
                """, (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)}, questionId);
        if (question.isEmpty()) {
            return false;
        }
        Optional<ChatAddress> group = staffChats.all().stream().map(StaffChats.Binding::chat)
                .filter(c -> c.key().equals(question.get(0)[2])).findFirst();
        if (group.isEmpty()) {
            return false;
        }
        ChatAddress parent = new ChatAddress((String) question.get(0)[0], (String) question.get(0)[1]);
        Thread thread = threadOf(parent, group.get(), (String) question.get(0)[4]);
        Delivery delivery = channels.deliver(group.get(),
                thread.place(replyTo != null ? replyTo : (String) question.get(0)[3]), reply);
        if (delivery.isSent()) {
            remember(thread, questionId, delivery.messageId());
        }
        return delivery.isSent();
    }

    /** The question a staff group message belongs to: by the post it replies to, else by its forum topic. */
    Optional<Long> questionOf(ChatAddress group, String replyToMessageId, String threadId) {
        if (replyToMessageId != null) {
            List<Long> byPost = jdbc.queryForList("select question_id from desk_post where staff_chat = ? and message_id = ?",
                    Long.class, group.key(), replyToMessageId);
            if (!byPost.isEmpty()) {
                return Optional.of(byPost.get(0));
            }
        }
        if (threadId != null) {
            // the parent's newest question in their topic: a topic is the parent's whole conversation
            List<Long> byTopic = jdbc.queryForList("""
                    select q.id from desk_thread t join staff_question q on q.channel = t.channel and q.chat_id = t.chat_id
                      and q.staff_chat = t.staff_chat
                    where t.staff_chat = ? and t.topic_id = ? order by q.id desc limit 1
                    """, Long.class, group.key(), threadId);
            if (!byTopic.isEmpty()) {
                return Optional.of(byTopic.get(0));
            }
        }
        return Optional.empty();
    }

    /** The parent's thread in the group, opened (a topic when the group has them) on first use. */
    private Thread threadOf(ChatAddress parent, ChatAddress group, String municipality) {
        Optional<Thread> existing = findThread(parent, group);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.update("""
                insert into desk_thread(channel, chat_id, staff_chat, created_at) values (?, ?, ?, ?)
                on conflict (channel, chat_id, staff_chat) do nothing
                """, parent.channel(), parent.chatId(), group.key(), Timestamp.from(clock.instant()));
        Thread created = findThread(parent, group).orElseThrow();
        String name = municipalities.find(municipality).map(Municipality::name).orElse(municipality == null ? "" : municipality);
        String via = channels.find(parent.channel()).map(c -> c.displayName()).orElse(parent.channel());
        Optional<String> topic = channels.openThread(group, "👤 Родитель " + created.id() + " · " + name + " · " + via);
        if (topic.isPresent()) {
            jdbc.update("update desk_thread set topic_id = ? where id = ? and topic_id is null", topic.get(), created.id());
            return findThread(parent, group).orElseThrow();
        }
        return created;
    }

    private Optional<Thread> findThread(ChatAddress parent, ChatAddress group) {
        return jdbc.query("select id, topic_id, last_post_id from desk_thread where channel = ? and chat_id = ? and staff_chat = ?",
                (rs, n) -> new Thread(rs.getLong(1), group, rs.getString(2), rs.getString(3)),
                parent.channel(), parent.chatId(), group.key()).stream().findFirst();
    }

    private void remember(Thread thread, long questionId, String messageId) {
        if (messageId == null) {
            return;
        }
        jdbc.update("insert into desk_post(staff_chat, message_id, question_id) values (?, ?, ?) on conflict do nothing",
                thread.group().key(), messageId, questionId);
        jdbc.update("update desk_thread set last_post_id = ? where id = ?", messageId, thread.id());
    }

    /** The attachment kinds as staff read them. */
    static IncomingAttachment.Kind kindOf(String kind) {
        try {
            return IncomingAttachment.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            return IncomingAttachment.Kind.OTHER;
        }
    }
}
