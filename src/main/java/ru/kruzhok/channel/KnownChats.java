package ru.kruzhok.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every chat the bot has talked with, and whether it can still be reached. Features (notifications,
 * statistics) read reachability from here; adapters report blocked chats through
 * {@link ChatUnreachable} events.
 */
@Component
public class KnownChats {

    private static final String PEOPLE = "from known_chat where person";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ChannelRegistry channels;
    private final Cache<ChatAddress, Boolean> recentlySeen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    KnownChats(JdbcTemplate jdbc, Clock clock, ChannelRegistry channels) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.channels = channels;
    }

    /**
     * A message from the chat proves it is reachable again (a parent who unblocked the bot). Written
     * at most once a minute per chat: the upsert was a third of the database work of a typical update,
     * and "last seen" needs no finer grain. A chat marked unreachable here is written at once; one
     * marked by another instance is cleared by the first message after its minute.
     */
    void seen(ChatAddress chat) {
        if (recentlySeen.getIfPresent(chat) != null) {
            return;
        }
        recentlySeen.put(chat, Boolean.TRUE);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into known_chat(channel, chat_id, first_seen_at, last_seen_at, person) values (?, ?, ?, ?, ?)
                on conflict (channel, chat_id) do update set last_seen_at = excluded.last_seen_at, unreachable_at = null
                """, chat.channel(), chat.chatId(), now, now, channels.isPersonalChat(chat));
    }

    @EventListener
    void onUnreachable(ChatUnreachable event) {
        recentlySeen.invalidate(event.chat());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into known_chat(channel, chat_id, first_seen_at, last_seen_at, unreachable_at, person)
                values (?, ?, ?, ?, ?, ?)
                on conflict (channel, chat_id) do update set unreachable_at = excluded.unreachable_at
                """, event.chat().channel(), event.chat().chatId(), now, now, now, channels.isPersonalChat(event.chat()));
    }

    /** People (private chats, as their channel tells them from groups) the bot has talked with. */
    public long countPeople() {
        return jdbc.queryForObject("select count(*) " + PEOPLE, Long.class);
    }

    public long countUnreachablePeople() {
        return jdbc.queryForObject("select count(*) " + PEOPLE + " and unreachable_at is not null", Long.class);
    }

    public long countPeopleFirstSeenSince(Instant since) {
        return jdbc.queryForObject("select count(*) " + PEOPLE + " and first_seen_at >= ?", Long.class,
                Timestamp.from(since));
    }

    /** How many of {@code chats} blocked the bot or deleted the chat. */
    public long countUnreachable(Collection<ChatAddress> chats) {
        if (chats.isEmpty()) {
            return 0;
        }
        String[] channels = chats.stream().map(ChatAddress::channel).toArray(String[]::new);
        String[] ids = chats.stream().map(ChatAddress::chatId).toArray(String[]::new);
        return jdbc.queryForObject("""
                select count(*) from known_chat k
                  join unnest(?::varchar[], ?::varchar[]) as c(channel, chat_id)
                    on k.channel = c.channel and k.chat_id = c.chat_id
                 where k.unreachable_at is not null""", Long.class, channels, ids);
    }

    /** The chats that cannot be reached now. */
    public Set<ChatAddress> unreachable() {
        return new HashSet<>(jdbc.query("select channel, chat_id from known_chat where unreachable_at is not null",
                (rs, i) -> new ChatAddress(rs.getString(1), rs.getString(2))));
    }

    public boolean isReachable(ChatAddress chat) {
        Integer blocked = jdbc.queryForObject(
                "select count(*) from known_chat where channel = ? and chat_id = ? and unreachable_at is not null",
                Integer.class, chat.channel(), chat.chatId());
        return blocked == null || blocked == 0;
    }
}
