package ru.kruzhok.event;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.parent.ParentSql;
import ru.kruzhok.report.ReportFigures;

/**
 * Events in the period report: events held in the period (not cancelled) and the reach of their
 * announcements and reminders (messages delivered to parents). An event for every municipality
 * counts in each.
 */
@Component
class EventReportFigures implements ReportFigures {

    static final String SECTION = "События";

    private final NamedParameterJdbcTemplate jdbc;

    EventReportFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<Figure> figures(Set<String> municipalities, Instant from, Instant to) {
        MapSqlParameterSource params = ReportFigures.periodParameters(municipalities, from, to);
        String mine = municipalities.isEmpty() ? "" : " and (e.municipality is null or e.municipality = any (:m::varchar[]))";
        String theirParents = municipalities.isEmpty() ? "" : ParentSql.andChatIsParentIn("r");
        long events = jdbc.queryForObject("select count(*) from event e where e.cancelled_at is null"
                + " and e.starts_at >= :from and e.starts_at < :to" + mine, params, Long.class);
        long reach = jdbc.queryForObject("""
                select count(distinct (r.channel, r.chat_id)) from event e
                  join broadcast_recipient r on r.broadcast_id in (e.announcement_id, e.reminder_id)
                 where e.cancelled_at is null and e.starts_at >= :from and e.starts_at < :to
                   and r.status = 'sent'""" + mine + theirParents, params, Long.class);
        return List.of(new Figure(SECTION, "Событий проведено", events),
                new Figure(SECTION, "Родителей получили приглашения", reach));
    }
}
