package ru.kruzhok.event;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;

/**
 * /event for staff, in one line (see {@link EventLine}): adds an event and announces it;
 * {@code /event} alone lists upcoming events with the format; {@code /event cancel 12} cancels one.
 * Staff act for their municipalities only; a staff member of one municipality need not name it.
 */
@Component
class EventCommand implements StaffCommand {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final StaffAccess access;
    private final Events events;
    private final Clock clock;

    EventCommand(StaffAccess access, Events events, Clock clock) {
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "event";
    }

    @Override
    public Role role() {
        return Role.STAFF;
    }

    @Override
    public String description() {
        return "События для родителей: /event";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        Set<String> reach = access.isAdmin(in) ? null : access.municipalitiesOf(in);
        String args = in.commandArgs();
        if (args.isBlank()) {
            return reply(overview(reach));
        }
        if (args.toLowerCase().startsWith("cancel") || args.toLowerCase().startsWith("отмена")) {
            return reply(cancel(args.replaceFirst("^\\S+\\s*", ""), reach, AuditLog.actorOf(in)));
        }
        try {
            EventDraft draft = EventLine.parse(args, events.zoneOf(null));
            String municipality = draft.municipality() == null && reach != null && reach.size() == 1
                    ? reach.iterator().next() : draft.municipality();
            // The typed time is the municipality's local time, known only once the line is read.
            draft = EventLine.parse(args, events.zoneOf(municipality));
            if (draft.municipality() == null && municipality != null) {
                draft = new EventDraft(draft.title(), draft.startsAt(), draft.place(), municipality,
                        draft.ageFrom(), draft.ageTo(), draft.directions(), draft.link());
            }
            Events.Created created = events.create(draft, reach, AuditLog.actorOf(in));
            Event event = events.find(created.id()).orElseThrow();
            return reply("✅ Событие №" + created.id() + " добавлено, анонс получат: " + created.recipients() + ".\n"
                    + (created.reminder() ? "Напоминание придёт заранее." : "Напоминания не будет: до начала слишком мало времени.")
                    + "\n\n" + events.describe(event) + "\n\nОтменить: /event cancel " + created.id());
        } catch (EventException e) {
            return reply(Markup.escape(e.getMessage()));
        }
    }

    private String overview(Set<String> reach) {
        StringBuilder sb = new StringBuilder("**События**\n");
        List<Event> list = events.list(reach).stream().filter(e -> e.startsAt().isAfter(clock.instant()))
                .toList();
        if (list.isEmpty()) {
            sb.append("Предстоящих событий нет.\n");
        }
        for (Event e : list) {
            sb.append("№").append(e.id()).append(" · ")
                    .append(SHORT.format(ZonedDateTime.ofInstant(e.startsAt(), events.zoneOf(e.municipality())))).append(" · ")
                    .append(Markup.escape(e.title()))
                    .append(e.cancelledAt() != null ? " (отменено)" : "").append('\n');
        }
        sb.append("\nДобавить:\n").append(Markup.escape(EventLine.FORMAT))
                .append("\nНапример: /event 25.11.2026 18:00 | Турнир по шахматам | ДДТ, ул. Ленина 5 | 7-12 | спорт | - | tsentr")
                .append("\nНеобязательные поля можно пропустить или поставить «-».\nОтменить: /event cancel НОМЕР");
        return sb.toString();
    }

    private String cancel(String idText, Set<String> reach, String actor) {
        if (!idText.strip().matches("\\d{1,12}")) {
            return "Укажите номер события: /event cancel 12";
        }
        long id = Long.parseLong(idText.strip());
        return switch (events.cancel(id, reach, actor)) {
            case CANCELLED -> "Событие №" + id + " отменено: напоминания не будет.";
            case ALREADY -> "Событие №" + id + " уже отменено.";
            case NOT_FOUND, NOT_YOURS -> "Событие №" + id + " не найдено среди ваших.";
        };
    }

    private static List<Reply> reply(String text) {
        return List.of(Reply.text(text));
    }
}
