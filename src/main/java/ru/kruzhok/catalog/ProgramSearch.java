package ru.kruzhok.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds programs: filters, Russian full text with stemming, typo tolerance and ranking, all in one
 * PostgreSQL query over the indexes of V5__catalog.sql. When nothing matches it tells which single
 * filter to relax (see {@link #RELAX_ORDER}).
 *
 * <p>Free text becomes a prefix query of its russian stems ("танцы" → {@code 'танц':*}), so
 * «танцы» finds «танцевальный», OR'ed with pg_trgm word similarity over title and organisation,
 * so «робатехника» finds «Робототехника». Words are AND'ed; when that finds nothing and the text has
 * several words, the search retries with OR and lets the rank put the best matches first.
 */
@Service
public class ProgramSearch {

    /** The largest page anyone may ask for. */
    public static final int MAX_SIZE = 50;
    /** Word similarity (0–1) at which a typo still counts as a match; pg_trgm's default 0.6 misses «робатехника». */
    private static final String TYPO_THRESHOLD = "0.5";

    /**
     * What to suggest relaxing first: what parents give up most readily (paying, a longer trip, a
     * too specific word) before what defines the need; the child's age comes last, since programs
     * for another age are of little use.
     */
    private static final List<SearchFilter> RELAX_ORDER = List.of(SearchFilter.COST,
            SearchFilter.DISTRICT, SearchFilter.TEXT, SearchFilter.DIRECTION, SearchFilter.OVZ, SearchFilter.AGE);

    private static final String COLUMNS = """
            p.id, p.external_id, p.title, p.description, p.org_name, p.org_address, p.district, p.org_phone,
            p.municipality, p.direction, p.age_from, p.age_to, p.format, p.cost_type, p.price, p.schedule,
            p.places_total, p.places_free, p.teacher, p.url, p.ovz, p.active, p.updated_at""";

    static final RowMapper<Program> PROGRAM = ProgramSearch::program;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ProgramSearch(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public ProgramPage search(ProgramQuery query) {
        ProgramQuery q = query.size() > MAX_SIZE ? query.withPage(query.page(), MAX_SIZE) : query;
        return readOnly.execute(status -> {
            jdbc.getJdbcOperations().queryForObject(
                    "select set_config('pg_trgm.word_similarity_threshold', ?, true)", String.class, TYPO_THRESHOLD);
            String text = searchableText(q.text());
            Found found = find(q, text, " & ");
            if (found.total == 0 && text != null && text.contains(" ")) {
                found = find(q, text, " | ");
            }
            ProgramPage.RelaxSuggestion relax = found.total == 0 ? relaxSuggestion(q) : null;
            return new ProgramPage(found.total, found.items, q.page(), q.size(), relax);
        });
    }

    /** Counts a query's matches without fetching them (e.g. for "N programs found" before paging). */
    public long count(ProgramQuery query) {
        return readOnly.execute(status -> {
            jdbc.getJdbcOperations().queryForObject(
                    "select set_config('pg_trgm.word_similarity_threshold', ?, true)", String.class, TYPO_THRESHOLD);
            return count(query, searchableText(query.text()), " & ");
        });
    }

    /**
     * Up to {@code limit} programs matching every filter and every word of the query, best first:
     * what a saved search tells a parent about (no OR fallback: a notification should not guess).
     */
    List<Program> matching(ProgramQuery query, int limit) {
        ProgramQuery q = query.withPage(0, limit);
        return readOnly.execute(status -> {
            jdbc.getJdbcOperations().queryForObject(
                    "select set_config('pg_trgm.word_similarity_threshold', ?, true)", String.class, TYPO_THRESHOLD);
            return find(q, searchableText(q.text()), " & ").items;
        });
    }

    /** A program by our id, active or not (an old card may point to a program that has since closed). */
    public Optional<Program> find(long id) {
        return jdbc.query("select " + COLUMNS + " from program p where p.id = :id",
                new MapSqlParameterSource("id", id), PROGRAM).stream().findFirst();
    }

    /** A program by the Navigator's id, active or not. */
    public Optional<Program> findByExternalId(String externalId) {
        return jdbc.query("select " + COLUMNS + " from program p where p.external_id = :id",
                new MapSqlParameterSource("id", externalId == null ? "" : externalId.strip()), PROGRAM)
                .stream().findFirst();
    }

    /** The districts of a municipality that have active programs, alphabetically. */
    public List<String> districts(String municipality) {
        return jdbc.queryForList("""
                select distinct p.district from program p
                where p.active and p.municipality = :municipality and p.district is not null and p.district <> ''
                order by p.district""", new MapSqlParameterSource("municipality", municipality), String.class);
    }

    private record Found(long total, List<Program> items) {
    }

    private Found find(ProgramQuery q, String text, String wordJoin) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(q, text, params);
        params.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        String order = text != null
                ? "ts_rank(p.search_vector, q.tsq) + word_similarity(:text, p.search_text) desc, p.title, p.id"
                : "(p.places_free = 0) is true, p.title, p.id";
        String sql = textCte(text, wordJoin, params) + "select " + COLUMNS + ", count(*) over () as total "
                + "from program p" + (text != null ? ", q" : "") + " where " + where
                + " order by " + order + " limit :limit offset :offset";
        List<Long> total = new ArrayList<>(1);
        List<Program> items = jdbc.query(sql, params, (rs, n) -> {
            if (total.isEmpty()) {
                total.add(rs.getLong("total"));
            }
            return program(rs, n);
        });
        if (!total.isEmpty()) {
            return new Found(total.get(0), items);
        }
        // An empty page: either nothing matches or the page is past the end.
        return new Found(q.page() == 0 ? 0 : count(q, text, wordJoin), items);
    }

    private long count(ProgramQuery q, String text, String wordJoin) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(q, text, params);
        Long n = jdbc.queryForObject(textCte(text, wordJoin, params) + "select count(*) from program p"
                + (text != null ? ", q" : "") + " where " + where, params, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Re-counts without each filter in turn, in {@link #RELAX_ORDER}, and suggests the first whose
     * removal finds something.
     */
    private ProgramPage.RelaxSuggestion relaxSuggestion(ProgramQuery q) {
        for (SearchFilter filter : RELAX_ORDER) {
            if (!q.uses(filter)) {
                continue;
            }
            ProgramQuery relaxed = q.without(filter);
            String text = searchableText(relaxed.text());
            long n = count(relaxed, text, " & ");
            if (n == 0 && text != null && text.contains(" ")) {
                n = count(relaxed, text, " | ");
            }
            if (n > 0) {
                return new ProgramPage.RelaxSuggestion(filter, n);
            }
        }
        return null;
    }

    /**
     * The text's stems as a prefix tsquery; {@code simple} keeps the stems as they are (the russian
     * configuration would stem them a second time).
     */
    private static String textCte(String text, String wordJoin, MapSqlParameterSource params) {
        if (text == null) {
            return "";
        }
        params.addValue("text", text).addValue("wordJoin", wordJoin);
        return """
                with q as (select to_tsquery('simple', coalesce((
                    select string_agg(quote_literal(t.lexeme) || ':*', :wordJoin)
                    from unnest(to_tsvector('russian', :text)) t), '')) as tsq)
                """;
    }

    private static String where(ProgramQuery q, String text, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("p.active");
        if (q.municipality() != null) {
            where.append(" and p.municipality = :municipality");
            params.addValue("municipality", q.municipality().toLowerCase(Locale.ROOT));
        }
        if (q.direction() != null) {
            where.append(" and p.direction = :direction");
            params.addValue("direction", q.direction().apiName());
        }
        if (q.age() != null) {
            where.append(" and p.age_from <= :age and p.age_to >= :age");
            params.addValue("age", q.age());
        }
        if (q.district() != null) {
            where.append(" and p.district = :district");
            params.addValue("district", q.district());
        }
        if (q.cost() != null) {
            where.append(" and p.cost_type = :cost");
            params.addValue("cost", q.cost().apiName());
        }
        if (q.ovz() != null) {
            where.append(" and p.ovz");
        }
        if (q.ids() != null) {
            if (q.ids().isEmpty()) {
                where.append(" and false");
            } else {
                where.append(" and p.id in (:ids)");
                params.addValue("ids", q.ids());
            }
        }
        if (text != null) {
            where.append(" and (p.search_vector @@ q.tsq or p.search_text %> :text)");
        }
        return where.toString();
    }

    /** Lower-cased text with something to search for, or null (punctuation alone matches nothing useful). */
    private static String searchableText(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return cleaned.length() < 2 ? null : cleaned;
    }

    private static Program program(ResultSet rs, int rowNum) throws SQLException {
        return new Program(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getString("title"),
                rs.getString("description"),
                new Program.Organisation(rs.getString("org_name"), rs.getString("org_address"),
                        rs.getString("district"), rs.getString("org_phone")),
                rs.getString("municipality"),
                Direction.fromApiName(rs.getString("direction")).orElseThrow(),
                rs.getInt("age_from"),
                rs.getInt("age_to"),
                ProgramFormat.fromApiName(rs.getString("format")),
                CostType.fromApiName(rs.getString("cost_type")).orElseThrow(),
                rs.getBigDecimal("price"),
                rs.getString("schedule"),
                (Integer) rs.getObject("places_total"),
                (Integer) rs.getObject("places_free"),
                rs.getString("teacher"),
                rs.getString("url"),
                rs.getBoolean("ovz"),
                rs.getBoolean("active"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
