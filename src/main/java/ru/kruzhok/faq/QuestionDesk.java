package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingAttachment;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.parent.ParentDataDeleted;
import ru.kruzhok.staff.QuestionFigures;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffChats;

/**
 * Questions for a person, run as a support desk: stored first (never lost), then posted into the
 * parent's thread in the staff group of their municipality ({@link DeskPosts}); while a question is
 * open everything the parent sends joins it; a staff reply of any kind goes back to the parent's own
 * channel, quoting the question. Questions are closed by the answer or by a button, blocked parents
 * reach nobody, and questions a group could not take yet are retried every minute.
 *
 * <p>Statuses: {@code new} (not in a group yet), {@code sent} (waiting for staff), {@code answered},
 * {@code closed}. "Open" means new or sent.
 */
@Service
public class QuestionDesk implements QuestionFigures {

    private static final Logger log = LoggerFactory.getLogger(QuestionDesk.class);
    /** How much of the question the parent's answer quotes. */
    private static final int QUOTE = 160;

    private final JdbcTemplate jdbc;
    private final StaffChats staffChats;
    private final ChannelRegistry channels;
    private final DeskPosts posts;
    private final DeskTexts texts;
    private final Municipalities municipalities;
    private final StaffAccess access;
    private final WorkingHours hours;
    private final Clock clock;

    QuestionDesk(JdbcTemplate jdbc, StaffChats staffChats, ChannelRegistry channels, DeskPosts posts, DeskTexts texts,
                 Municipalities municipalities, StaffAccess access, DeskProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.staffChats = staffChats;
        this.channels = channels;
        this.posts = posts;
        this.texts = texts;
        this.municipalities = municipalities;
        this.access = access;
        this.hours = new WorkingHours(properties.workingHours());
        this.clock = clock;
    }

    /** What became of a question handed over, for what the parent is told. */
    enum Outcome {
        /** Posted to staff, who are at work now. */
        SENT,
        /** Posted, but staff are off: {@link Submitted#when()} says when they are back. */
        OFF_HOURS,
        /** Kept, but the municipality has no staff group yet: admins were warned. */
        NO_GROUP,
        /** Kept for the admins (warned, it is in their /questions): the parent chose no municipality. */
        NO_MUNICIPALITY,
        /** The parent is blocked: this is the one notice they get. */
        BLOCKED_NOTICE,
        /** The parent is blocked and was told so before. */
        BLOCKED
    }

    /**
     * @param id      the question's number (the open one it joined, for a follow-up); 0 when blocked
     * @param outcome what happened
     * @param when    when an answer can be expected («завтра с 09:00»), for {@link Outcome#OFF_HOURS}
     */
    record Submitted(long id, Outcome outcome, String when) {
    }

    /** Stores the question and tries to post it at once; returns its number. */
    public long submit(ChatAddress parent, String municipality, String question) {
        return submit(parent, municipality, question, null).id();
    }

    /**
     * Stores the question with its context lines (for staff, already in markup) and tries to post it
     * at once. A parent with an open question adds to it instead of opening a second one.
     */
    Submitted submit(ChatAddress parent, String municipality, String question, String context) {
        Optional<Boolean> noticed = blockNoticed(parent);
        if (noticed.isPresent()) {
            if (!noticed.get()) {
                jdbc.update("update desk_block set noticed = true where channel = ? and chat_id = ?", parent.channel(), parent.chatId());
                return new Submitted(0, Outcome.BLOCKED_NOTICE, null);
            }
            return new Submitted(0, Outcome.BLOCKED, null);
        }
        Optional<Long> open = openQuestionOf(parent);
        long id;
        if (open.isPresent()) {
            id = open.get();
            addFollowUp(id, "TEXT", question, null, null, null);
        } else {
            Long created = jdbc.queryForObject("""
                    insert into staff_question(channel, chat_id, municipality, question, context, status, created_at)
                    values (?, ?, ?, ?, ?, 'new', ?) returning id
                    """, Long.class, parent.channel(), parent.chatId(), municipality, question, context, now());
            id = created == null ? 0 : created;
            posts.postQuestion(id);
        }
        String muni = municipalityOf(id).orElse(municipality);
        if (muni == null || staffChats.staffChatOf(muni).isEmpty()) {
            warnAdminsOfWaiting();
            return new Submitted(id, muni == null ? Outcome.NO_MUNICIPALITY : Outcome.NO_GROUP, null);
        }
        ZoneId zone = zoneOf(muni);
        Instant now = clock.instant();
        return hours.isOpen(now, zone) ? new Submitted(id, Outcome.SENT, null)
                : new Submitted(id, Outcome.OFF_HOURS, hours.whenAnswered(now, zone));
    }

    /** The parent's open question (new or sent), if any: what they send now belongs to it. */
    Optional<Long> openQuestionOf(ChatAddress parent) {
        return jdbc.queryForList("""
                select id from staff_question where channel = ? and chat_id = ? and status in ('new', 'sent')
                order by id desc limit 1""", Long.class, parent.channel(), parent.chatId()).stream().findFirst();
    }

    /**
     * Something the parent sent while their question is open (text, a photo, a document, a voice
     * message) joins the question's thread; returns the question's number, empty when none is open.
     */
    Optional<Long> followUp(Incoming in) {
        if (blockNoticed(in.chat()).isPresent()) {
            return Optional.empty();
        }
        Optional<Long> open = openQuestionOf(in.chat());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        IncomingAttachment a = in.attachment();
        if (in.type() == Incoming.Type.ATTACHMENT && a != null) {
            addFollowUp(open.get(), a.kind().name(), in.text(), a.fileRef(), a.fileName(), a.mimeType());
        } else {
            addFollowUp(open.get(), "TEXT", in.text(), null, null, null);
        }
        posts.postFollowUps(open.get());
        return open;
    }

    private void addFollowUp(long id, String kind, String text, String fileRef, String fileName, String mime) {
        jdbc.update("""
                insert into desk_follow_up(question_id, kind, text, file_ref, file_name, mime_type, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, kind, text == null ? null : cut(text, 4000), fileRef, fileName, mime, now());
    }

    /** A staff answer that reached (or could not reach) the parent who asked question {@code questionId}. */
    record Relayed(long questionId, boolean delivered, String problem) {
    }

    /**
     * A staff member wrote in a staff group; when it answers a question (a reply to one of its posts,
     * or a message in the parent's forum topic), deliver it to the parent: text with its formatting,
     * a photo, a file or a voice message. Empty when the message is not about a question.
     */
    Optional<Relayed> relayAnswer(Incoming in, String answeredBy) {
        Optional<Long> found = posts.questionOf(in.chat(), in.replyToMessageId(), in.threadId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long id = found.get();
        List<Object[]> rows = jdbc.query("select channel, chat_id, question, municipality from staff_question where id = ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ChatAddress parent = new ChatAddress((String) rows.get(0)[0], (String) rows.get(0)[1]);
        String municipality = (String) rows.get(0)[3];
        String header = texts.text(DeskTexts.ANSWER, municipality,
                Map.of("desk.question", Markup.escape(cut((String) rows.get(0)[2], QUOTE)))).strip();
        String body = in.text().isBlank() ? "" : "\n\n" + in.textAsMarkup();
        Reply reply;
        if (in.type() == Incoming.Type.ATTACHMENT && in.attachment() != null) {
            IncomingAttachment a = in.attachment();
            Optional<OutgoingFile> file = DeskFiles.file(a.kind().name(), a.fileName(), a.mimeType(),
                    channels.download(in.chat().channel(), a.fileRef()));
            if (file.isEmpty()) {
                return Optional.of(new Relayed(id, false, "⚠️ Это вложение переслать родителю нельзя ("
                        + DeskFiles.kindName(a.kind().name()) + "). Пришлите фото, файл или голосовое либо напишите текстом."));
            }
            reply = Reply.text(header + body).withFile(file.get());
        } else if (in.type() == Incoming.Type.TEXT) {
            reply = Reply.text(header + body);
        } else {
            return Optional.empty();
        }
        Delivery delivery = channels.deliver(parent, reply);
        if (delivery.isSent()) {
            jdbc.update("""
                    update staff_question set status = case when status = 'closed' then status else 'answered' end,
                      answered_by = coalesce(answered_by, ?), answered_at = coalesce(answered_at, ?) where id = ?""",
                    answeredBy, now(), id);
        }
        return Optional.of(new Relayed(id, delivery.isSent(), delivery.isSent() ? null
                : "⚠️ Не получилось доставить ответ: родитель заблокировал бота или удалил чат."));
    }

    /** A question as staff see it in /questions. */
    record OpenQuestion(long id, String municipality, String channel, String question, Instant createdAt, boolean posted) {
    }

    /** Open questions of these municipalities (every one when {@code all}), oldest first. */
    List<OpenQuestion> openQuestions(Set<String> municipalityCodes, boolean all, int limit) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (!all) {
            if (municipalityCodes.isEmpty()) {
                return List.of();
            }
            where = " and municipality in (" + String.join(",", municipalityCodes.stream().map(m -> "?").toList()) + ")";
            args.addAll(municipalityCodes);
        }
        args.add(limit);
        return jdbc.query("select id, municipality, channel, question, created_at, status from staff_question"
                        + " where status in ('new', 'sent')" + where + " order by created_at, id limit ?",
                (rs, n) -> new OpenQuestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), "sent".equals(rs.getString(6))), args.toArray());
    }

    Optional<String> municipalityOf(long questionId) {
        return jdbc.query("select municipality from staff_question where id = ?", (rs, n) -> Optional.ofNullable(rs.getString(1)),
                questionId).stream().findFirst().flatMap(m -> m);
    }

    Optional<ChatAddress> parentOf(long questionId) {
        return jdbc.query("select channel, chat_id from staff_question where id = ?",
                (rs, n) -> new ChatAddress(rs.getString(1), rs.getString(2)), questionId).stream().findFirst();
    }

    /** Closes an open question without an answer (staff handled it otherwise); false when it was not open. */
    boolean close(long questionId, String closedBy) {
        return jdbc.update("update staff_question set status = 'closed', closed_by = ?, closed_at = ? where id = ? and status in ('new', 'sent')",
                closedBy, now(), questionId) > 0;
    }

    /** Blocks the parent who asked the question from the desk and closes their open questions; false when already blocked. */
    boolean block(ChatAddress parent, String blockedBy) {
        int inserted = jdbc.update("""
                insert into desk_block(channel, chat_id, blocked_by, blocked_at) values (?, ?, ?, ?) on conflict do nothing""",
                parent.channel(), parent.chatId(), blockedBy, now());
        jdbc.update("""
                update staff_question set status = 'closed', closed_by = ?, closed_at = ?
                where channel = ? and chat_id = ? and status in ('new', 'sent')""",
                blockedBy, now(), parent.channel(), parent.chatId());
        return inserted > 0;
    }

    boolean unblock(ChatAddress parent) {
        return jdbc.update("delete from desk_block where channel = ? and chat_id = ?", parent.channel(), parent.chatId()) > 0;
    }

    /** Empty when the parent is not blocked; otherwise whether they were told already. */
    private Optional<Boolean> blockNoticed(ChatAddress parent) {
        return jdbc.queryForList("select noticed from desk_block where channel = ? and chat_id = ?", Boolean.class,
                parent.channel(), parent.chatId()).stream().findFirst();
    }

    boolean isBlocked(ChatAddress parent) {
        return blockNoticed(parent).isPresent();
    }

    void count(String municipality, FaqMatcher.Decision decision) {
        jdbc.update("insert into faq_question_stat(municipality, decision, asked_at) values (?, ?, ?)",
                municipality, decision.name(), now());
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void retryUnsent() {
        // claimed for posting by an instance that died before the send finished: back in the queue
        jdbc.update("update staff_question set status = 'new' where status = 'sent' and staff_chat is null and posting_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofMinutes(2))));
        // only where a group exists now: questions waiting for a /bind must not crowd out the ones that can go
        List<String> bound = staffChats.all().stream().map(StaffChats.Binding::municipality).toList();
        if (!bound.isEmpty()) {
            jdbc.queryForList("select id from staff_question where status = 'new' and municipality in ("
                            + String.join(",", bound.stream().map(b -> "?").toList()) + ") order by id limit 50",
                    Long.class, bound.toArray()).forEach(posts::postQuestion);
        }
        jdbc.queryForList("""
                select distinct f.question_id from desk_follow_up f join staff_question q on q.id = f.question_id
                where not f.posted and q.status <> 'new' limit 50""", Long.class).forEach(posts::postFollowUps);
        warnAdminsOfWaiting();
    }

    /**
     * Tells every admin, once per waiting question, that questions wait because their municipality
     * has no staff group: nobody would see them otherwise.
     */
    void warnAdminsOfWaiting() {
        List<Object[]> waiting = jdbc.query("""
                select coalesce(municipality, ''), count(*) from staff_question
                where status = 'new' and no_group_warned_at is null group by municipality""",
                (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)});
        for (Object[] w : waiting) {
            String code = (String) w[0];
            if (!code.isEmpty() && staffChats.staffChatOf(code).isPresent()) {
                continue; // a group exists: the question is only waiting for a retry
            }
            String name = code.isEmpty() ? "без района" : municipalities.find(code).map(Municipality::name).orElse(code);
            String text = "⚠️ **Вопросы родителей ждут**: " + w[1] + " — " + Markup.escape(name) + ". "
                    + (code.isEmpty() ? "Родитель не выбрал район; вопрос виден в /questions."
                    : "У района нет группы сотрудников: добавьте бота в группу МОЦ и напишите там `/bind " + code + "`.");
            boolean told = false;
            for (Long admin : access.staffTelegramIds()) {
                if (access.isAdmin(admin)) {
                    told |= channels.deliver(new ChatAddress(StaffAccess.STAFF_CHANNEL, String.valueOf(admin)),
                            Reply.text(text)).isSent();
                }
            }
            if (told) {
                jdbc.update("update staff_question set no_group_warned_at = ? where status = 'new' and no_group_warned_at is null"
                        + " and coalesce(municipality, '') = ?", now(), code);
            }
        }
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
        jdbc.update("delete from desk_thread where channel = ? and chat_id = ?",
                event.chat().channel(), event.chat().chatId());
        // desk_block stays: a block is staff's decision about the chat, not the parent's data
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

    @Override
    public ResponseTimes responseTimes(Set<String> municipalities, Instant since) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (!municipalities.isEmpty()) {
            where.append(" and municipality in (").append(String.join(",", municipalities.stream().map(m -> "?").toList())).append(")");
            args.addAll(municipalities);
        }
        if (since != null) {
            where.append(" and created_at >= ?");
            args.add(Timestamp.from(since));
        }
        args.add(0, now()); // for the oldest open question's age
        return jdbc.queryForObject("""
                select count(*),
                       count(answered_at),
                       count(*) filter (where status in ('new', 'sent')),
                       percentile_cont(0.5) within group (order by extract(epoch from answered_at - created_at))
                         filter (where answered_at is not null),
                       percentile_cont(0.9) within group (order by extract(epoch from answered_at - created_at))
                         filter (where answered_at is not null),
                       max(extract(epoch from ?::timestamptz - created_at)) filter (where status in ('new', 'sent'))
                from staff_question""" + where,
                (rs, n) -> new ResponseTimes(rs.getLong(1), rs.getLong(2), rs.getLong(3), seconds(rs.getObject(4)),
                        seconds(rs.getObject(5)), seconds(rs.getObject(6))), args.toArray());
    }

    private static Duration seconds(Object value) {
        return value == null ? null : Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000));
    }

    ZoneId zoneOf(String municipality) {
        return municipalities.find(municipality).map(Municipality::zone).orElse(Municipality.DEFAULT_ZONE);
    }

    WorkingHours hours() {
        return hours;
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
