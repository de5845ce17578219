package ru.kruzhok.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.OutgoingFile;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.parent.ParentDataDeleted;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Announcements: created now or for later, started when due (the audience is taken at that moment,
 * so a parent who turned notifications off meanwhile is not written to), reported and cancelled.
 * The public surface is what the admin API and a staff dialog need.
 */
public class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);
    private static final TypeReference<List<List<Button>>> BUTTON_ROWS = new TypeReference<>() {
    };

    /**
     * What staff ask for. {@code sendAt} null: now. {@code file}: an optional photo or document sent
     * with the text as its caption. {@code unansweredSurvey}: only parents of the audience who have not
     * completed this survey.
     */
    public record Request(String text, OutgoingFile file, AudienceFilter audience, String unansweredSurvey,
                          Instant sendAt, String createdBy) {
        public Request(String text, AudienceFilter audience, Instant sendAt, String createdBy) {
            this(text, null, audience, null, sendAt, createdBy);
        }
    }

    /** Who a broadcast was for and who made it, for deciding who may cancel it. */
    public record Scope(long id, String kind, String status, Set<String> municipalities, String createdBy) {
    }

    /** Progress of one broadcast; {@code total} is the audience size once sending started. */
    public record Report(long id, String status, Instant sendAt, int total, int sent, int blocked, int failed,
                         int skipped, int pending) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ParentProfiles parents;
    private final Municipalities municipalities;
    private final BroadcastOutbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObjectProvider<SurveyNonRespondents> surveys;

    Broadcasts(JdbcTemplate jdbc, TransactionTemplate transactions, ParentProfiles parents,
               Municipalities municipalities, BroadcastOutbox outbox, ObjectMapper json, Clock clock,
               ObjectProvider<SurveyNonRespondents> surveys) {
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.parents = parents;
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Validates and stores a broadcast; the worker starts it once {@code sendAt} has come. */
    public long create(Request request) {
        if (request.text() == null || request.text().isBlank()) {
            throw new IllegalArgumentException("text is empty");
        }
        AudienceFilter a = request.audience() == null ? new AudienceFilter(null, null, null, null) : request.audience();
        for (String code : a.municipalities()) {
            if (!municipalities.exists(code)) {
                throw new IllegalArgumentException("unknown municipality");
            }
        }
        if (!a.directions().stream().allMatch(d -> Direction.fromApiName(d).isPresent())) {
            throw new IllegalArgumentException("unknown direction");
        }
        if (a.ageFrom() != null && a.ageTo() != null && a.ageFrom() > a.ageTo()) {
            throw new IllegalArgumentException("ages: from is after to");
        }
        if (request.unansweredSurvey() != null && !surveyPort().exists(request.unansweredSurvey())) {
            throw new IllegalArgumentException("unknown survey");
        }
        Instant now = clock.instant();
        Instant sendAt = request.sendAt() == null ? now : request.sendAt();
        OutgoingFile file = request.file();
        return jdbc.queryForObject("""
                insert into broadcast(text, audience, unanswered_survey, status, send_at, created_by, created_at,
                                      file_kind, file_name, file_mime, file_content)
                values (?, cast(? as jsonb), ?, 'scheduled', ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, request.text(), json.writeValueAsString(a), request.unansweredSurvey(),
                Timestamp.from(sendAt), request.createdBy(), Timestamp.from(now),
                file == null ? null : file.kind() == OutgoingFile.Kind.IMAGE ? "image" : "document",
                file == null ? null : file.fileName(), file == null ? null : file.mimeType(),
                file == null ? null : file.content());
    }

    /** How many parents the audience reaches right now (for a preview before confirming). */
    public int preview(AudienceFilter audience) {
        return parents.audience(audience).size();
    }

    /** The same, for an audience narrowed to parents who have not completed {@code unansweredSurvey} (null: no narrowing). */
    public int preview(AudienceFilter audience, String unansweredSurvey) {
        return recipients(audience, unansweredSurvey).size();
    }

    /** The message parents get for this text and file: staff see exactly this as the preview. */
    public static Reply messageOf(String text, OutgoingFile file) {
        Reply reply = Reply.text(text);
        return file == null ? reply : reply.withFile(file);
    }

    /** Remembers the staff chat's live progress message of a broadcast, which is then kept up to date. */
    public void attachProgress(long id, ChatAddress chat, String messageId) {
        jdbc.update("""
                update broadcast set progress_channel = ?, progress_chat_id = ?, progress_message_id = ?,
                                     progress_shown_at = null, progress_state = null, progress_final = false
                 where id = ?
                """, chat.channel(), chat.chatId(), messageId, id);
    }

    public Optional<Scope> scope(long id) {
        return jdbc.query("select kind, status, audience::text as audience, created_by from broadcast where id = ?",
                (rs, n) -> new Scope(id, rs.getString("kind"), rs.getString("status"),
                        json.readValue(rs.getString("audience"), AudienceFilter.class).municipalities(),
                        rs.getString("created_by")), id).stream().findFirst();
    }

    private List<ChatAddress> recipients(AudienceFilter audience, String unansweredSurvey) {
        List<ChatAddress> chats = parents.audience(audience);
        return unansweredSurvey == null ? chats : surveyPort().notCompleted(unansweredSurvey, chats);
    }

    private SurveyNonRespondents surveyPort() {
        SurveyNonRespondents port = surveys.getIfAvailable();
        if (port == null) {
            throw new IllegalStateException("surveys are not available");
        }
        return port;
    }

    public Optional<Report> report(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select status, send_at, total, audience::text as audience, unanswered_survey from broadcast where id = ?",
                id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> b = rows.get(0);
        String status = (String) b.get("status");
        Map<String, Integer> counts = outbox.counts(id);
        int total = ((Number) b.get("total")).intValue();
        if ("scheduled".equals(status)) {
            total = preview(json.readValue((String) b.get("audience"), AudienceFilter.class),
                    (String) b.get("unanswered_survey"));
        }
        Instant sendAt = ((Timestamp) b.get("send_at")).toInstant();
        return Optional.of(new Report(id, status, sendAt, total, counts.getOrDefault("sent", 0),
                counts.getOrDefault("blocked", 0), counts.getOrDefault("failed", 0),
                counts.getOrDefault("skipped", 0),
                counts.getOrDefault("pending", 0) + counts.getOrDefault("sending", 0)));
    }

    /** Stops a scheduled or running broadcast; false when it is unknown or already over. */
    public boolean cancel(long id) {
        Boolean cancelled = transactions.execute(tx -> {
            int changed = jdbc.update("""
                    update broadcast set status = 'cancelled', finished_at = ?
                     where id = ? and status in ('scheduled', 'sending')
                    """, Timestamp.from(clock.instant()), id);
            if (changed == 1) {
                outbox.cancelPending(id);
            }
            return changed == 1;
        });
        return Boolean.TRUE.equals(cancelled);
    }

    /**
     * Starts the broadcasts whose time has come by the injected clock: takes the audience now and
     * writes one outbox row per recipient, in one transaction with the status change, so a crash
     * leaves either a scheduled broadcast or a complete outbox. Returns how many were started.
     */
    int startDue() {
        int started = 0;
        while (Boolean.TRUE.equals(transactions.execute(tx -> startOne()))) {
            started++;
        }
        return started;
    }

    private boolean startOne() {
        Instant now = clock.instant();
        List<Map<String, Object>> due = jdbc.queryForList("""
                select id, audience::text as audience, unanswered_survey from broadcast
                 where status = 'scheduled' and send_at <= ?
                 order by send_at, id limit 1 for update skip locked
                """, Timestamp.from(now));
        if (due.isEmpty()) {
            return false;
        }
        long id = ((Number) due.get(0).get("id")).longValue();
        AudienceFilter audience = json.readValue((String) due.get(0).get("audience"), AudienceFilter.class);
        List<ChatAddress> chats = recipients(audience, (String) due.get(0).get("unanswered_survey"));
        outbox.add(id, chats);
        jdbc.update("update broadcast set status = 'sending', started_at = ?, total = ? where id = ?",
                Timestamp.from(now), chats.size(), id);
        log.info("Broadcast {} started: {} recipients", id, chats.size());
        return true;
    }

    /** Marks broadcasts done once no row is waiting or being sent. */
    void finishCompleted() {
        int done = jdbc.update("""
                update broadcast b set status = 'done', finished_at = ?
                 where status = 'sending'
                   and not exists (select 1 from broadcast_recipient r
                                    where r.broadcast_id = b.id and r.status in ('pending', 'sending'))
                """, Timestamp.from(clock.instant()));
        if (done > 0) {
            log.info("{} broadcast(s) finished", done);
        }
    }

    /** The message every recipient of broadcast {@code id} gets. */
    Reply message(long id) {
        return jdbc.queryForObject("""
                select text, buttons::text as buttons, file_kind, file_name, file_mime, file_content
                  from broadcast where id = ?
                """, (rs, n) -> {
            String kind = rs.getString("file_kind");
            OutgoingFile file = kind == null ? null : new OutgoingFile(
                    "image".equals(kind) ? OutgoingFile.Kind.IMAGE : OutgoingFile.Kind.DOCUMENT,
                    rs.getString("file_name"), rs.getString("file_mime"), rs.getBytes("file_content"));
            Reply reply = messageOf(rs.getString("text"), file);
            String buttons = rs.getString("buttons");
            return buttons == null ? reply : reply.withButtons(json.readValue(buttons, BUTTON_ROWS));
        }, id);
    }

    @EventListener
    void onParentDataDeleted(ParentDataDeleted event) {
        outbox.forget(event.chat());
    }
}
