package ru.kruzhok.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import ru.kruzhok.direction.Direction;

/**
 * Finds programs: filters, Russian full text with stemming, typo tolerance and ranking, all in one
 * PostgreSQL query. Filter-only searches read the program table through the indexes of
 * V13__catalog_search_indexes.sql; free text reads program_search (V16), a narrow copy of the active
 * programs kept in catalog order so that ranking a common word's thousands of matches reads few
 * pages. When nothing matches it tells which single filter to relax (see {@link #RELAX_ORDER}).
 *
 * <p>Free text becomes a prefix query of its russian stems ("танцы" → {@code 'танц':*}), so
 * «танцы» finds «танцевальный»; results are ranked by ts_rank (title above organisation above
 * description). Words are AND'ed; when that finds nothing, OR'ed; when that finds nothing either,
 * each word is replaced by the nearest word of the catalog by pg_trgm similarity (table
 * program_word), so «робатехника» finds «Робототехника».
 */
@Service
public class ProgramSearch {

    /** The largest page anyone may ask for. */
    public static final int MAX_SIZE = 50;
    private static final String AND = " & ";
    private static final String OR = " | ";

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
    /**
     * Counts of relaxed queries, for the suggestion under an empty result. Many empty searches share
     * one relaxed query (every word that finds nothing in a municipality relaxes to the whole
     * municipality, 66,000 programs to count), and the figure only tells the parent how much more
     * there is: it may be a minute old on another instance; this instance forgets them on import.
     */
    private final Cache<ProgramQuery, Long> relaxedCounts = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(java.time.Duration.ofMinutes(1))
            .build();
    /**
     * The tsquery of a text, by word join and text: it depends only on the text search
     * configuration, never on the catalog, so it can be kept as long as there is room.
     */
    private final Cache<String, String> tsqueries = Caffeine.newBuilder().maximumSize(10_000).build();

    ProgramSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ProgramPage search(ProgramQuery query) {
        ProgramQuery q = query.size() > MAX_SIZE ? query.withPage(query.page(), MAX_SIZE) : query;
        // No transaction: each statement is consistent on its own, and a page whose count is a moment
        // older than its rows is harmless; it saves round trips on every search.
        Found found = searchableText(q.text()) == null ? filtersOnly(q) : withText(q);
        ProgramPage.RelaxSuggestion relax = found.total == 0 ? relaxSuggestion(q) : null;
        return new ProgramPage(found.total, found.items, q.page(), q.size(), relax);
    }

    /** The catalog changed (an import committed): counts kept for relax suggestions are stale. */
    void catalogChanged() {
        relaxedCounts.invalidateAll();
    }

    /** Counts a query's matches without fetching them (e.g. for "N programs found" before paging). */
    public long count(ProgramQuery query) {
        return match(query).total;
    }

    /**
     * Counts only programs that match every word of the text (typos corrected), never any word alone:
     * for telling whether a parent's free text reads like a search at all («погода в городе» must not
     * open a page of programs whose description mentions a town).
     */
    public long countMatchingEveryWord(ProgramQuery query) {
        String text = searchableText(query.text());
        long total = count(query, text, AND);
        if (total > 0 || text == null) {
            return total;
        }
        String corrected = corrected(text);
        return corrected.equals(text) ? 0 : count(query, corrected, AND);
    }

    /**
     * Up to {@code limit} programs matching every filter and every word of the query, best first:
     * what a saved search tells a parent about (no OR fallback: a notification should not guess).
     */
    List<Program> matching(ProgramQuery query, int limit) {
        ProgramQuery q = query.withPage(0, limit);
        String text = searchableText(q.text());
        if (text == null) {
            return filtersOnly(q).items;
        }
        Found found = rankedPage(q, text, AND);
        if (found.total > 0) {
            return found.items;
        }
        String corrected = corrected(text);
        return corrected.equals(text) ? List.of() : rankedPage(q, corrected, AND).items;
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

    /** How a query's text matched: its total, the text as finally searched and how its words were joined. */
    private record Matched(long total, String text, String wordJoin) {
    }

    /**
     * Counts with the text as typed (words AND'ed); if that finds nothing: words OR'ed, then each
     * word replaced by the catalog's nearest word (typos). Counting first keeps the common case
     * to two cheap queries and avoids sorting all matches just to count them.
     */
    private Matched match(ProgramQuery q) {
        String text = searchableText(q.text());
        long total = count(q, text, AND);
        if (total > 0 || text == null) {
            return new Matched(total, text, AND);
        }
        boolean severalWords = text.contains(" ");
        if (severalWords && (total = count(q, text, OR)) > 0) {
            return new Matched(total, text, OR);
        }
        String corrected = corrected(text);
        if (corrected.equals(text)) {
            return new Matched(0, text, AND);
        }
        if ((total = count(q, corrected, AND)) > 0 || !severalWords) {
            return new Matched(total, corrected, AND);
        }
        return new Matched(count(q, corrected, OR), corrected, OR);
    }

    private record Found(long total, List<Program> items) {
    }

    /** Filters only: an index-only count, then the page in title order straight off an index. */
    private Found filtersOnly(ProgramQuery q) {
        long total = count(q, null, AND);
        if (total <= (long) q.page() * q.size()) {
            return new Found(total, List.of());
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(q, null, params);
        params.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        return new Found(total, jdbc.query("select " + COLUMNS + " from program p where " + where
                + " order by p.title, p.id limit :limit offset :offset", params, PROGRAM));
    }

    /** Free text: the same fallbacks as {@link #match}, each a single pass that ranks, counts and pages. */
    private Found withText(ProgramQuery q) {
        String text = searchableText(q.text());
        Found found = rankedPage(q, text, AND);
        if (found.total > 0) {
            return found;
        }
        boolean severalWords = text.contains(" ");
        if (severalWords && (found = rankedPage(q, text, OR)).total > 0) {
            return found;
        }
        String corrected = corrected(text);
        if (corrected.equals(text)) {
            return found;
        }
        if ((found = rankedPage(q, corrected, AND)).total > 0 || !severalWords) {
            return found;
        }
        return rankedPage(q, corrected, OR);
    }

    /**
     * Matches are gathered once (id, rank, place in title order) and both counted and paged from
     * there, so the programs are read once; only the page's rows are read in full. Equal ranks are
     * in title order, as filter-only results are.
     */
    private Found rankedPage(ProgramQuery q, String text, String wordJoin) {
        String tsquery = tsquery(text, wordJoin);
        if (tsquery.isBlank()) {
            return new Found(0, List.of());
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(q, tsquery, params);
        params.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        String sql = """
                with m as materialized (select p.id, ts_rank(p.search_vector, cast(:tsquery as tsquery)) as rank,
                                               p.title_order
                                        from program_search p where %s),
                top as (select id, rank, title_order from m order by rank desc, title_order
                        limit :limit offset :offset)
                select %s, (select count(*) from m) as total
                from top join program p on p.id = top.id
                order by top.rank desc, top.title_order""".formatted(where, COLUMNS);
        long[] total = {0};
        List<Program> items = jdbc.query(sql, params, (rs, n) -> {
            total[0] = rs.getLong("total");
            return program(rs, n);
        });
        if (items.isEmpty() && q.page() > 0) {
            total[0] = count(q, text, wordJoin);
        }
        return new Found(total[0], items);
    }

    private long count(ProgramQuery q, String text, String wordJoin) {
        String tsquery = text == null ? null : tsquery(text, wordJoin);
        if (tsquery != null && tsquery.isBlank()) {
            return 0;
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(q, tsquery, params);
        Long n = jdbc.queryForObject("select count(*) from " + (tsquery != null ? "program_search p" : "program p")
                + " where " + where, params, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Each word replaced by the most similar word of the catalog; a word the catalog has is kept
     * without looking further (a trigram comparison with every catalog word costs milliseconds, and
     * a correctly spelled word that found nothing because of the filters needs none). Only words
     * within three letters of the typed length are compared: a typo rarely changes the length more,
     * and the cheap length test spares most trigram comparisons.
     */
    private String corrected(String text) {
        if (text.indexOf('|') >= 0) {
            return text; // alternatives come from the vocabulary, spelled right
        }
        String corrected = jdbc.queryForObject("""
                select string_agg(case when exists (select 1 from program_word w where w.word = t.word) then t.word
                                       else coalesce((select w.word from program_word w
                                                      where abs(length(w.word) - length(t.word)) <= 3
                                                        and w.word % t.word
                                                      order by similarity(w.word, t.word) desc, w.word limit 1), t.word)
                                  end, ' ' order by t.n)
                from unnest(string_to_array(:text, ' ')) with ordinality as t(word, n)""",
                new MapSqlParameterSource("text", text), String.class);
        return corrected == null ? text : corrected;
    }

    /**
     * Re-counts without each filter in turn, in {@link #RELAX_ORDER}, and suggests the first whose
     * removal finds something.
     */
    private ProgramPage.RelaxSuggestion relaxSuggestion(ProgramQuery q) {
        for (SearchFilter filter : RELAX_ORDER) {
            if (q.uses(filter)) {
                ProgramQuery relaxed = q.without(filter).withPage(0, 1);
                long n = relaxedCounts.get(relaxed, key -> match(key).total);
                if (n > 0) {
                    return new ProgramPage.RelaxSuggestion(filter, n);
                }
            }
        }
        return null;
    }

    /**
     * The text's stems as a prefix tsquery; {@code simple} keeps the stems as they are (the russian
     * configuration would stem them a second time).
     *
     * <p>Written by hand because the Snowball Russian stemmer does not know fleeting vowels: it stems
     * «танцы» to «танц» but «танец» to «танец», «кружки» to «кружк» but «кружок» to «кружок», so
     * «танцы» missed every program titled «…танец» and «танец» missed «Танцевальная студия». A stem
     * ending in consonant + о/е + к/ц therefore also searches the stem without that vowel, and one
     * ending in consonant + к/ц the stem with it (ц takes е, к takes о): ('танц':* | 'танец':*).
     * A wrong guess («парк» → «парок») is a prefix no catalog word has, so it finds nothing extra.
     */
    private String tsquery(String text, String wordJoin) {
        if (text.indexOf('|') < 0) {
            return wordsTsquery(text, wordJoin);
        }
        // «лепка|керамика»: one word typed, several ways programs name it (dialogs/search/vocabulary.yaml)
        List<String> parts = new java.util.ArrayList<>();
        for (String word : text.split(" ")) {
            String part = word.indexOf('|') < 0 ? wordsTsquery(word, wordJoin) : wordsTsquery(word.replace('|', ' '), OR);
            if (!part.isBlank()) {
                parts.add("(" + part + ")");
            }
        }
        return String.join(wordJoin, parts);
    }

    private String wordsTsquery(String text, String wordJoin) {
        // Built in a statement of its own and passed to the search as a value: computed inside the
        // search statement, the tsquery made every match cost about twice as much to check and rank
        // (measured: 8.5 ms instead of 3.3 ms for 1,300 matches).
        // The key cannot be ambiguous: the join has '&' or '|', which searchable text never has.
        String built = tsqueries.get(wordJoin + text, key -> jdbc.queryForObject("""
                select to_tsquery('simple', coalesce((
                    select string_agg(case when w.other = w.lexeme then quote_literal(w.lexeme) || ':*'
                                           else '(' || quote_literal(w.lexeme) || ':* | '
                                                || quote_literal(w.other) || ':*)' end, :wordJoin)
                    from (select t.lexeme, case
                              when t.lexeme ~ '[^аеиоуыэюяй][ое][кц]$' and length(t.lexeme) >= 5
                                  then regexp_replace(t.lexeme, '[ое]([кц])$', '\\1')
                              when t.lexeme ~ '[^аеиоуыэюяй][кц]$' and length(t.lexeme) >= 4
                                  then regexp_replace(regexp_replace(t.lexeme, 'ц$', 'ец'), '([^е])к$', '\\1ок')
                              else t.lexeme end as other
                          from unnest(to_tsvector('russian', :text)) t) w), ''))::text""",
                new MapSqlParameterSource("text", text).addValue("wordJoin", wordJoin), String.class));
        return built == null ? "" : built;
    }

    /**
     * The conditions of a query over program (filters only) or, with text, over program_search, whose
     * rows are all active programs.
     */
    private static String where(ProgramQuery q, String tsquery, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(tsquery == null ? "p.active" : "true");
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
        if (tsquery != null) {
            where.append(" and p.search_vector @@ cast(:tsquery as tsquery)");
            params.addValue("tsquery", tsquery);
        }
        return where.toString();
    }

    /** Lower-cased text with something to search for, or null (punctuation alone matches nothing useful). */
    private static String searchableText(String text) {
        if (text == null) {
            return null;
        }
        // '|' joins the alternatives of one word («лепка|керамика»), as SearchTextParser writes them
        String cleaned = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}|]+", " ")
                .replaceAll(" ?\\|+ ?", "|").replaceAll("^\\||\\|$", "").strip();
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
