package ru.kruzhok.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.report.ReportFigures;

/**
 * Searches parents make and program cards they open, counted for the period report (kind,
 * municipality, program — never who). A search counts once per set of filters: turning pages or
 * coming back from a card is the same search.
 */
@Component
class CatalogActivity implements ReportFigures {

    static final String SECTION = "Поиск кружков";
    /** The conversation variable holding the filters last counted. */
    private static final String COUNTED = "search.counted";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogActivity(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A results page was shown for {@code filters}; counted when these filters are new in this chat. */
    void searched(DialogContext ctx, String filters) {
        if (filters.equals(ctx.var(COUNTED))) {
            return;
        }
        ctx.setVar(COUNTED, filters);
        jdbc.update("insert into catalog_activity(kind, municipality, at) values ('search', ?, ?)",
                ctx.municipality(), Timestamp.from(clock.instant()));
    }

    void viewed(DialogContext ctx, Program p) {
        jdbc.update("insert into catalog_activity(kind, municipality, program_id, at) values ('view', ?, ?, ?)",
                ctx.municipality(), p.id(), Timestamp.from(clock.instant()));
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Figure> figures(Set<String> municipalities, Instant from, Instant to) {
        String where = municipalities.isEmpty() ? "" : " and municipality = any (?::varchar[])";
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (!municipalities.isEmpty()) {
            args.add(municipalities.toArray(String[]::new));
        }
        long[] n = jdbc.queryForObject("""
                select count(*) filter (where kind = 'search'), count(*) filter (where kind = 'view'),
                       count(distinct program_id) filter (where kind = 'view')
                  from catalog_activity where at >= ? and at < ?""" + where,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, args.toArray());
        // the catalog as it is now: a report about the period still wants the size of the offer
        String programsWhere = municipalities.isEmpty() ? "" : " and municipality = any (?::varchar[])";
        long[] programs = jdbc.queryForObject("select count(*), count(*) filter (where places_free is not null and places_free <= 0)"
                        + " from program where active" + programsWhere,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                municipalities.isEmpty() ? new Object[0] : new Object[] {municipalities.toArray(String[]::new)});
        return List.of(new Figure(SECTION, "Поисков кружков", n[0]),
                new Figure(SECTION, "Просмотров карточек программ", n[1]),
                new Figure(SECTION, "Разных программ просмотрено", n[2]),
                new Figure(SECTION, "Программ в каталоге сейчас", programs[0]),
                new Figure(SECTION, "Из них без свободных мест", programs[1]));
    }
}
