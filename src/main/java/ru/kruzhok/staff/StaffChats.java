package ru.kruzhok.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.ChatAddress;

/**
 * The staff group chat of each municipality, bound with /bind in the group. Questions for a person
 * (FAQ hand-over) and reports go there: {@code staffChats.staffChatOf("tsentr")} gives the address
 * to deliver to, and {@code municipalityOfStaffChat(incoming.chat())} tells whether a message came
 * from a staff group (e.g. a staff member's reply to a handed-over question).
 *
 * <p>Bindings are few, so they are read as one snapshot kept for a few seconds; every group message
 * asks this, and another instance's /bind shows up within {@link #STALE_FOR}.
 */
@Service
public class StaffChats {

    static final Duration STALE_FOR = Duration.ofSeconds(10);

    /** A bound group. */
    public record Binding(String municipality, ChatAddress chat, Instant boundAt, String boundBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LoadingCache<String, List<Binding>> snapshot;

    StaffChats(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(STALE_FOR).build(key -> load());
    }

    public Optional<ChatAddress> staffChatOf(String municipality) {
        return snapshot.get("all").stream().filter(b -> b.municipality().equals(municipality))
                .map(Binding::chat).findFirst();
    }

    public Optional<String> municipalityOfStaffChat(ChatAddress chat) {
        return snapshot.get("all").stream().filter(b -> b.chat().equals(chat))
                .map(Binding::municipality).findFirst();
    }

    public List<Binding> all() {
        return snapshot.get("all");
    }

    /**
     * Makes {@code chat} the staff chat of {@code municipality}, replacing the municipality's previous
     * group if any. Returns the replaced chat.
     */
    @Transactional
    Optional<ChatAddress> bind(String municipality, ChatAddress chat, String boundBy) {
        Optional<ChatAddress> previous = jdbc.query("select channel, chat_id from staff_chat where municipality = ? for update",
                (rs, i) -> new ChatAddress(rs.getString(1), rs.getString(2)), municipality).stream().findFirst();
        jdbc.update("delete from staff_chat where municipality = ? or (channel = ? and chat_id = ?)",
                municipality, chat.channel(), chat.chatId());
        jdbc.update("insert into staff_chat(municipality, channel, chat_id, bound_at, bound_by) values (?, ?, ?, ?, ?)",
                municipality, chat.channel(), chat.chatId(), Timestamp.from(clock.instant()), boundBy);
        snapshot.invalidateAll();
        return previous.filter(p -> !p.equals(chat));
    }

    /** Unbinds the group; returns the municipality it served. */
    Optional<String> unbind(ChatAddress chat) {
        Optional<String> municipality = jdbc.query("delete from staff_chat where channel = ? and chat_id = ? returning municipality",
                (rs, i) -> rs.getString(1), chat.channel(), chat.chatId()).stream().findFirst();
        snapshot.invalidateAll();
        return municipality;
    }

    private List<Binding> load() {
        Map<String, Binding> byMunicipality = new HashMap<>();
        jdbc.query("select municipality, channel, chat_id, bound_at, bound_by from staff_chat", rs -> {
            byMunicipality.put(rs.getString(1), new Binding(rs.getString(1), new ChatAddress(rs.getString(2), rs.getString(3)),
                    rs.getTimestamp(4).toInstant(), rs.getString(5)));
        });
        return byMunicipality.values().stream().sorted(java.util.Comparator.comparing(Binding::municipality)).toList();
    }
}
