package ru.kruzhok.broadcast;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.parent.ParentSql;
import ru.kruzhok.report.ReportFigures;

/**
 * Announcements in the period report: how many went out in the period and their reach — messages
 * delivered, and to how many different parents. A municipality's figures count its parents among
 * the recipients, so a region-wide announcement counts in each municipality for its own parents.
 */
@Component
class BroadcastReportFigures implements ReportFigures {

    static final String SECTION = "Рассылки";

    private final NamedParameterJdbcTemplate jdbc;

    BroadcastReportFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Figure> figures(Set<String> municipalities, Instant from, Instant to) {
        MapSqlParameterSource params = ReportFigures.periodParameters(municipalities, from, to);
        String mine = municipalities.isEmpty() ? "" : ParentSql.andChatIsParentIn("r");
        long[] n = jdbc.queryForObject("""
                select count(distinct r.broadcast_id), count(*), count(distinct (r.channel, r.chat_id)),
                       count(*) filter (where r.status = 'blocked')
                  from broadcast_recipient r join broadcast b on b.id = r.broadcast_id
                 where r.status in ('sent', 'blocked') and b.started_at >= :from and b.started_at < :to
                   and b.status <> 'cancelled'""" + mine, params,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        return List.of(new Figure(SECTION, "Рассылок отправлено", n[0]),
                new Figure(SECTION, "Сообщений доставлено", n[1] - n[3]),
                new Figure(SECTION, "Родителей получили хотя бы одну", n[2]),
                new Figure(SECTION, "Не доставлено (бот заблокирован)", n[3]));
    }
}
