package ru.kruzhok.catalog;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.parent.Ages;
import ru.kruzhok.parent.ParentDataDeleted;
import ru.kruzhok.parent.ParentProfiles;

/**
 * «Сообщать о новых»: a parent's saved search filters (saved only with consent, deleted with the
 * parent's data) and the programs already announced to each ({@code saved_search_program}).
 * {@link SavedSearchNotifier} tells parents about new programs.
 */
@Service
class SavedSearches {

    /** More than enough saved searches for one parent; keeps a loop of presses from filling the table. */
    static final int MAX_PER_CHAT = 10;

    /** What a parent searched for; null fields mean any. */
    record Filters(String municipality, String direction, Integer age, String district, String cost, String text) {

        static Filters of(ProgramQuery q) {
            return new Filters(q.municipality(), q.direction() == null ? null : q.direction().apiName(), q.age(),
                    q.district(), q.cost() == null ? null : q.cost().apiName(), q.text());
        }

        ProgramQuery toQuery() {
            ProgramQuery q = ProgramQuery.all().withMunicipality(municipality).withAge(age).withDistrict(district)
                    .withText(text);
            q = Direction.fromApiName(direction).map(q::withDirection).orElse(q);
            return CostType.fromApiName(cost).map(q::withCost).orElse(q);
        }

        /** The same filters give the same key: one saved search per set of filters and chat. */
        String key() {
            return String.join("|", String.valueOf(municipality), String.valueOf(direction), String.valueOf(age),
                    String.valueOf(district), String.valueOf(cost), text == null ? "null" : text.toLowerCase());
        }
    }

    record Saved(long id, ChatAddress chat, Filters filters) {
    }

    enum SaveResult { SAVED, ALREADY, NO_CONSENT, TOO_MANY }

    private final JdbcTemplate jdbc;
    private final ParentProfiles profiles;
    private final Clock clock;

    SavedSearches(JdbcTemplate jdbc, ParentProfiles profiles, Clock clock) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.clock = clock;
    }

    SaveResult save(ChatAddress chat, Filters filters) {
        if (profiles.find(chat).isEmpty()) {
            return SaveResult.NO_CONSENT;
        }
        if (find(chat, filters).isPresent()) {
            return SaveResult.ALREADY;
        }
        if (list(chat).size() >= MAX_PER_CHAT) {
            return SaveResult.TOO_MANY;
        }
        int inserted = jdbc.update("""
                insert into saved_search (channel, chat_id, municipality, direction, age, district, cost, text,
                                          filters_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                chat.channel(), chat.chatId(), filters.municipality(), filters.direction(), filters.age(),
                filters.district(), filters.cost(), filters.text(), filters.key(), Timestamp.from(clock.instant()));
        return inserted == 1 ? SaveResult.SAVED : SaveResult.ALREADY;
    }

    Optional<Saved> find(ChatAddress chat, Filters filters) {
        return jdbc.query("select * from saved_search where channel = ? and chat_id = ? and filters_key = ?", SAVED,
                chat.channel(), chat.chatId(), filters.key()).stream().findFirst();
    }

    /** A chat's own saved search by id (a notice's button names it). */
    Optional<Saved> find(ChatAddress chat, long id) {
        return jdbc.query("select * from saved_search where channel = ? and chat_id = ? and id = ?", SAVED,
                chat.channel(), chat.chatId(), id).stream().findFirst();
    }

    List<Saved> list(ChatAddress chat) {
        return jdbc.query("select * from saved_search where channel = ? and chat_id = ? order by id", SAVED,
                chat.channel(), chat.chatId());
    }

    boolean remove(ChatAddress chat, long id) {
        return jdbc.update("delete from saved_search where channel = ? and chat_id = ? and id = ?",
                chat.channel(), chat.chatId(), id) == 1;
    }

    @EventListener
    void onParentDataDeleted(ParentDataDeleted event) {
        jdbc.update("delete from saved_search where channel = ? and chat_id = ?", event.chat().channel(),
                event.chat().chatId());
    }

    /** Saved searches in any of these municipalities, or in none in particular. */
    List<Saved> inMunicipalities(java.util.Collection<String> municipalities) {
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select * from saved_search where municipality is null or municipality = any(?) order by id");
            ps.setArray(1, con.createArrayOf("varchar", municipalities.toArray()));
            return ps;
        }, SAVED);
    }

    /** Records these programs as announced to the saved search; returns those that were not before. */
    Set<Long> markAnnounced(long savedSearchId, List<Long> programIds) {
        return new LinkedHashSet<>(jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into saved_search_program (saved_search_id, program_id)
                    select ?, unnest(?::bigint[]) on conflict do nothing returning program_id""");
            ps.setLong(1, savedSearchId);
            ps.setArray(2, con.createArrayOf("bigint", programIds.toArray()));
            return ps;
        }, (rs, n) -> rs.getLong(1)));
    }

    /** The filters in words («художественная, 9 лет, «квиллинг»»), with the bot's texts. */
    static String describe(Filters f, java.util.function.Function<String, String> texts) {
        List<String> parts = new ArrayList<>();
        Direction.fromApiName(f.direction()).ifPresent(d -> parts.add(d.title().toLowerCase()));
        if (f.age() != null) {
            parts.add(Ages.inYears(f.age()));
        }
        if (f.district() != null) {
            parts.add(Markup.escape(f.district()));
        }
        CostType.fromApiName(f.cost()).ifPresent(c -> parts.add(c.title().toLowerCase()));
        if (f.text() != null) {
            parts.add("«" + Markup.escape(SearchTextParser.shown(f.text())) + "»");
        }
        return parts.isEmpty() ? texts.apply("search_no_filters") : String.join(", ", parts);
    }

    private static final RowMapper<Saved> SAVED = (rs, n) -> new Saved(rs.getLong("id"),
            new ChatAddress(rs.getString("channel"), rs.getString("chat_id")),
            new Filters(rs.getString("municipality"), rs.getString("direction"), rs.getObject("age", Integer.class),
                    rs.getString("district"), rs.getString("cost"), rs.getString("text")));
}
