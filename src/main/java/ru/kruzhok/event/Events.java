package ru.kruzhok.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.kruzhok.broadcast.Broadcasts;
import ru.kruzhok.broadcast.Notices;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;
import ru.kruzhok.parent.ParentProfiles;
import ru.kruzhok.parent.ParentProfiles.AudienceFilter;
import ru.kruzhok.staff.AuditLog;

/**
 * Events for children that staff announce: stored, announced once to the matching parents through
 * the notifications outbox, reminded once {@code kruzhok.events.reminder-before} ahead, cancelled.
 *
 * <p>A reminder is claimed with {@code update … set reminded_at … where reminded_at is null} over a
 * row taken with {@code for update skip locked}, in the transaction that queues its messages: with
 * several instances exactly one sends it, and a crash before commit leaves it for the next poll.
 */
@Service
public class Events {

    private static final Logger log = LoggerFactory.getLogger(Events.class);
    static final String KIND_ANNOUNCEMENT = "event";
    static final String KIND_REMINDER = "event_reminder";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM (EE), HH:mm", Locale.forLanguageTag("ru"));
    private static final String COLUMNS = """
            id, title, starts_at, place, municipality, age_from, age_to, directions, link, created_by, created_at,
            announcement_id, reminder_at, reminded_at, cancelled_at""";

    /** What creating an event did: its id, how many parents it is announced to, whether a reminder will follow. */
    record Created(long id, int recipients, boolean reminder) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ParentProfiles profiles;
    private final Notices notices;
    private final Broadcasts broadcasts;
    private final Municipalities municipalities;
    private final DialogRegistry texts;
    private final AuditLog audit;
    private final EventProperties properties;
    private final Clock clock;

    Events(JdbcTemplate jdbc, TransactionTemplate transactions, ParentProfiles profiles, Notices notices,
           Broadcasts broadcasts, Municipalities municipalities, DialogRegistry texts, AuditLog audit,
           EventProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.profiles = profiles;
        this.notices = notices;
        this.broadcasts = broadcasts;
        this.municipalities = municipalities;
        this.texts = texts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The zone of an event's times, those staff type and those parents read: {@code kruzhok.events.zone}
     * when configured, else the municipality's {@code time-zone} as announcements use it (an 18:00
     * event in Yekaterinburg is 18:00 there), else Europe/Moscow; never the server's zone.
     *
     * @param municipality the event's municipality; null for an event of every municipality
     */
    ZoneId zoneOf(String municipality) {
        if (properties.zone() != null) {
            return properties.zone();
        }
        return municipality == null ? Municipality.DEFAULT_ZONE
                : municipalities.find(municipality).map(Municipality::zone).orElse(Municipality.DEFAULT_ZONE);
    }

    /**
     * Checks, stores and announces an event, all in one transaction.
     *
     * @param reach the municipalities the author may reach; null for everyone (an admin)
     * @throws EventException when the event is not valid or out of the author's reach
     */
    Created create(EventDraft draft, Set<String> reach, String actor) {
        check(draft, reach);
        Instant now = clock.instant();
        Instant reminderAt = draft.startsAt().minus(properties.reminderBefore());
        boolean reminder = reminderAt.isAfter(now);
        Created created = transactions.execute(tx -> {
            long id = jdbc.queryForObject("""
                    insert into event (title, starts_at, place, municipality, age_from, age_to, directions, link,
                                       created_by, created_at, reminder_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                    draft.title(), Timestamp.from(draft.startsAt()), draft.place(), draft.municipality(),
                    draft.ageFrom(), draft.ageTo(), String.join(",", new java.util.TreeSet<>(draft.directions())),
                    draft.link(), actor, Timestamp.from(now), reminder ? Timestamp.from(reminderAt) : null);
            Event event = find(id).orElseThrow();
            List<ChatAddress> audience = profiles.audience(audience(event));
            Long noticeId = audience.isEmpty() ? null : notices.send(notice(event, KIND_ANNOUNCEMENT), audience);
            jdbc.update("update event set announcement_id = ? where id = ?", noticeId, id);
            return new Created(id, audience.size(), reminder);
        });
        audit.record(actor, "event.create", "event " + created.id() + " in "
                + (draft.municipality() == null ? "all" : draft.municipality()) + ", " + created.recipients()
                + " recipients" + (created.reminder() ? "" : ", no reminder"));
        return created;
    }

    /** Events in reach, soonest last-created first: upcoming ones, and those of the last week. */
    List<Event> list(Set<String> reach) {
        Instant since = clock.instant().minus(java.time.Duration.ofDays(7));
        return jdbc.query("select " + COLUMNS + " from event where starts_at >= ? order by starts_at, id limit 200",
                EVENT, Timestamp.from(since)).stream().filter(e -> inReach(e.municipality(), reach)).toList();
    }

    Optional<Event> find(long id) {
        return jdbc.query("select " + COLUMNS + " from event where id = ?", EVENT, id).stream().findFirst();
    }

    /** What cancelling did. */
    enum Cancel { CANCELLED, NOT_FOUND, ALREADY, NOT_YOURS }

    /**
     * Cancels an event: no reminder will go, and the announcement's messages not yet sent are
     * withdrawn from the outbox.
     */
    Cancel cancel(long id, Set<String> reach, String actor) {
        Optional<Event> event = find(id);
        if (event.isEmpty()) {
            return Cancel.NOT_FOUND;
        }
        if (!inReach(event.get().municipality(), reach)) {
            return Cancel.NOT_YOURS;
        }
        List<Long> notices = transactions.execute(tx -> jdbc.query("""
                update event set cancelled_at = ? where id = ? and cancelled_at is null
                returning announcement_id, reminder_id""", (rs, n) -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                long v = rs.getLong(i);
                if (!rs.wasNull()) {
                    ids.add(v);
                }
            }
            return ids;
        }, Timestamp.from(clock.instant()), id).stream().findFirst().orElse(null));
        if (notices == null) {
            return Cancel.ALREADY;
        }
        notices.forEach(broadcasts::cancel);
        audit.record(actor, "event.cancel", "event " + id);
        return Cancel.CANCELLED;
    }

    /** Sends every reminder due by {@code now}, each once across instances; returns how many were sent. */
    int remindDue(Instant now) {
        int sent = 0;
        while (Boolean.TRUE.equals(transactions.execute(tx -> remindOne(now)))) {
            sent++;
        }
        return sent;
    }

    private boolean remindOne(Instant now) {
        Timestamp at = Timestamp.from(now);
        Optional<Event> claimed = jdbc.query("update event set reminded_at = ? where id = ("
                + " select id from event where reminder_at <= ? and reminded_at is null and cancelled_at is null"
                + " and starts_at > ? order by reminder_at, id limit 1 for update skip locked)"
                + " returning " + COLUMNS, EVENT, at, at, at).stream().findFirst();
        if (claimed.isEmpty()) {
            return false;
        }
        Event event = claimed.get();
        List<ChatAddress> audience = profiles.audience(audience(event));
        if (!audience.isEmpty()) {
            long noticeId = notices.send(notice(event, KIND_REMINDER), audience);
            jdbc.update("update event set reminder_id = ? where id = ?", noticeId, event.id());
        }
        log.info("Event {} reminder queued for {} chat(s)", event.id(), audience.size());
        return true;
    }

    private static AudienceFilter audience(Event e) {
        return new AudienceFilter(e.municipality() == null ? Set.of() : Set.of(e.municipality()), e.ageFrom(),
                e.ageTo(), e.directions());
    }

    private Notices.Notice notice(Event e, String kind) {
        StringBuilder text = new StringBuilder(texts.text(kind.equals(KIND_REMINDER) ? "event_reminder" : "event_announcement"));
        text.append("\n\n").append(describe(e));
        List<List<Button>> buttons = e.link() == null ? List.of()
                : List.of(List.of(Button.link(texts.text("button_event_link"), e.link())));
        return new Notices.Notice(kind, text.toString(), buttons, "event:" + e.id());
    }

    /** The event as parents see it, in the bot's markup. */
    String describe(Event e) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(Markup.escape(e.title())).append("**\n");
        sb.append("🗓 ").append(WHEN.format(ZonedDateTime.ofInstant(e.startsAt(), zoneOf(e.municipality()))));
        if (e.place() != null) {
            sb.append("\n📍 ").append(Markup.escape(e.place()));
        }
        if (e.ageFrom() != null || e.ageTo() != null) {
            sb.append("\n👧 ").append(ages(e.ageFrom(), e.ageTo()));
        }
        if (!e.directions().isEmpty()) {
            sb.append("\n🎯 ").append(String.join(", ", e.directions().stream()
                    .map(d -> Direction.fromApiName(d).map(Direction::title).orElse(d).toLowerCase(Locale.ROOT))
                    .sorted().toList()));
        }
        return sb.toString();
    }

    static String ages(Integer from, Integer to) {
        if (from != null && to != null) {
            return from + "–" + to + " лет";
        }
        return from != null ? "от " + from + " лет" : "до " + to + " лет";
    }

    private void check(EventDraft d, Set<String> reach) {
        if (d.title() == null || d.title().length() > 200) {
            throw new EventException("Укажите название события (до 200 символов).");
        }
        if (d.startsAt() == null || !d.startsAt().isAfter(clock.instant())) {
            throw new EventException("Дата и время события должны быть в будущем.");
        }
        if (d.municipality() != null && !municipalities.exists(d.municipality())) {
            throw new EventException("Неизвестный район «" + d.municipality() + "».");
        }
        if (!inReach(d.municipality(), reach)) {
            throw new EventException(d.municipality() == null
                    ? "Укажите район: событие для всех районов может добавить только администратор."
                    : "Вы не можете добавлять события для района «" + d.municipality() + "».");
        }
        if ((d.ageFrom() != null && (d.ageFrom() < 0 || d.ageFrom() > 18))
                || (d.ageTo() != null && (d.ageTo() < 0 || d.ageTo() > 18))
                || (d.ageFrom() != null && d.ageTo() != null && d.ageFrom() > d.ageTo())) {
            throw new EventException("Возраст — от 0 до 18 лет, например 7-12.");
        }
        for (String direction : d.directions()) {
            if (Direction.fromApiName(direction).isEmpty()) {
                throw new EventException("Неизвестное направление «" + direction + "». Можно: "
                        + String.join(", ", Arrays.stream(Direction.values()).map(Direction::apiName).toList()) + ".");
            }
        }
        if (d.link() != null && !d.link().matches("https?://\\S{3,}")) {
            throw new EventException("Ссылка должна начинаться с http:// или https://.");
        }
        if (d.place() != null && d.place().length() > 300) {
            throw new EventException("Место — не длиннее 300 символов.");
        }
    }

    private static boolean inReach(String municipality, Set<String> reach) {
        return reach == null || (municipality != null && reach.contains(municipality));
    }

    private static final RowMapper<Event> EVENT = Events::event;

    private static Event event(ResultSet rs, int n) throws SQLException {
        String directions = rs.getString("directions");
        Set<String> dirs = directions == null || directions.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(directions.split(",")));
        return new Event(rs.getLong("id"), rs.getString("title"), rs.getTimestamp("starts_at").toInstant(),
                rs.getString("place"), rs.getString("municipality"), (Integer) rs.getObject("age_from", Integer.class),
                rs.getObject("age_to", Integer.class), dirs, rs.getString("link"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("announcement_id", Long.class),
                instant(rs.getTimestamp("reminder_at")), instant(rs.getTimestamp("reminded_at")),
                instant(rs.getTimestamp("cancelled_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
