package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import ru.kruzhok.channel.ChannelRegistry;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Delivery;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.parent.ParentDataDeleted;
import ru.kruzhok.staff.QuestionFigures;
import ru.kruzhok.staff.StaffChats;

/**
 * Questions for a person: stored first (never lost), then posted to the staff group of the parent's
 * municipality; a staff member's reply to that post is delivered back to the parent through the
 * channel they used. Questions the group could not take yet are retried every minute.
 */
@Service
public class QuestionDesk implements QuestionFigures {

    private static final Logger log = LoggerFactory.getLogger(QuestionDesk.class);

    private final JdbcTemplate jdbc;
    private final StaffChats staffChats;
    private final ChannelRegistry channels;
    private final Clock clock;

    QuestionDesk(JdbcTemplate jdbc, StaffChats staffChats, ChannelRegistry channels, Clock clock) {
        this.jdbc = jdbc;
        this.staffChats = staffChats;
        this.channels = channels;
        this.clock = clock;
    }

    /** Stores the question and tries to post it to the staff group at once; returns its number. */
    public long submit(ChatAddress parent, String municipality, String question) {
        Long id = jdbc.queryForObject("""
                insert into staff_question(channel, chat_id, municipality, question, status, created_at)
                values (?, ?, ?, ?, 'new', ?) returning id
                """, Long.class, parent.channel(), parent.chatId(), municipality, question, now());
        post(id, municipality, question);
        return id == null ? 0 : id;
    }

    void count(String municipality, FaqMatcher.Decision decision) {
        jdbc.update("insert into faq_question_stat(municipality, decision, asked_at) values (?, ?, ?)",
                municipality, decision.name(), now());
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void retryUnsent() {
        jdbc.query("select id, municipality, question from staff_question where status = 'new' order by id limit 50",
                rs -> {
                    post(rs.getLong("id"), rs.getString("municipality"), rs.getString("question"));
                });
    }

    private void post(long id, String municipality, String question) {
        Optional<ChatAddress> group = municipality == null ? Optional.empty() : staffChats.staffChatOf(municipality);
        if (group.isEmpty()) {
            log.info("Question {} waits: no staff group bound for municipality {}", id, municipality);
            return;
        }
        String channel = jdbc.queryForObject("select channel from staff_question where id = ?", String.class, id);
        String via = channels.find(channel).map(c -> c.displayName()).orElse(channel);
        String text = "❓ **Вопрос №" + id + "** от родителя (" + Markup.escape(municipality) + ", " + Markup.escape(via) + ")\n\n"
                + Markup.escape(question) + "\n\n__Ответьте на это сообщение (Reply) — ответ уйдёт родителю.__";
        Delivery delivery = channels.deliver(group.get(), Reply.text(text));
        if (delivery.isSent()) {
            jdbc.update("update staff_question set status = 'sent', staff_chat = ?, staff_message_id = ? where id = ?",
                    group.get().key(), delivery.messageId(), id);
        } else {
            log.warn("Question {} not posted to the staff group ({}); will retry", id, delivery.status());
        }
    }

    /** A staff answer that reached (or could not reach) the parent who asked question {@code questionId}. */
    record Relayed(long questionId, boolean delivered) {
    }

    /**
     * A staff member replied in a staff group; if it answers one of our posts, deliver it to the parent.
     * Empty when the reply is not to a question.
     */
    Optional<Relayed> relayAnswer(ChatAddress group, String repliedMessageId, String answeredBy, String answer) {
        List<Object[]> rows = jdbc.query("""
                select id, channel, chat_id from staff_question
                where staff_chat = ? and staff_message_id = ? and status in ('sent', 'answered')
                """, (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)},
                group.key(), repliedMessageId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long id = (Long) rows.get(0)[0];
        ChatAddress parent = new ChatAddress((String) rows.get(0)[1], (String) rows.get(0)[2]);
        Delivery delivery = channels.deliver(parent, Reply.text("💬 **Ответ специалиста МОЦ** на ваш вопрос:\n\n"
                + Markup.escape(answer)));
        if (delivery.isSent()) {
            jdbc.update("update staff_question set status = 'answered', answered_by = ?, answered_at = ? where id = ?",
                    answeredBy, now(), id);
        }
        return Optional.of(new Relayed(id, delivery.isSent()));
    }

    @EventListener
    void onParentDataDeleted(ParentDataDeleted event) {
        // a proposal nobody accepted yet is still the parent's words; an accepted one is part of the knowledge base
        jdbc.update("""
                delete from faq_suggestion where status = 'pending' and question_id in
                  (select id from staff_question where channel = ? and chat_id = ?)""",
                event.chat().channel(), event.chat().chatId());
        jdbc.update("delete from staff_question where channel = ? and chat_id = ?",
                event.chat().channel(), event.chat().chatId());
    }

    @Override
    public Questions questionsFor(Set<String> municipalities) {
        String where = municipalities.isEmpty() ? "" : " where municipality in ("
                + String.join(",", municipalities.stream().map(m -> "?").toList()) + ")";
        Object[] args = municipalities.toArray();
        Long asked = jdbc.queryForObject("select count(*) from faq_question_stat" + where, Long.class, args);
        Long handedOver = jdbc.queryForObject("select count(*) from staff_question" + where, Long.class, args);
        return new Questions(asked, handedOver);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
