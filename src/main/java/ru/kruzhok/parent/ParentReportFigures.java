package ru.kruzhok.parent;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.report.ReportFigures;
import ru.kruzhok.staff.StaffAccess;

/**
 * Parents in the period report: how many the bot reached (profiles, i.e. consented, by the end of the
 * period), how many joined in the period, how many get notifications and how many children they
 * told about. Staff trying the bot are left out.
 */
@Component
class ParentReportFigures implements ReportFigures {

    static final String SECTION = "Родители";

    private final NamedParameterJdbcTemplate jdbc;
    private final StaffAccess access;

    ParentReportFigures(NamedParameterJdbcTemplate jdbc, StaffAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Figure> figures(Set<String> municipalities, Instant from, Instant to) {
        MapSqlParameterSource params = ReportFigures.periodParameters(municipalities, from, to)
                .addValue("staff", access.staffTelegramIds().stream().map(String::valueOf).toArray(String[]::new));
        String where = municipalities.isEmpty() ? "" : " and p.municipality = any (:m::varchar[])";
        long[] n = jdbc.queryForObject("""
                select count(*) filter (where p.created_at < :to),
                       count(*) filter (where p.created_at >= :from and p.created_at < :to),
                       count(*) filter (where p.created_at < :to and p.notifications),
                       coalesce(sum((select count(*) from child c where c.parent_id = p.id))
                                filter (where p.created_at < :to), 0)
                  from parent p
                 where not (p.channel = 'telegram' and p.chat_id = any (:staff::varchar[]))""" + where, params,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        return List.of(new Figure(SECTION, "Родителей в боте на конец периода (дали согласие)", n[0]),
                new Figure(SECTION, "Новых родителей за период", n[1]),
                new Figure(SECTION, "Подписаны на уведомления", n[2]),
                new Figure(SECTION, "Детей в профилях родителей", n[3]));
    }
}
