package ru.kruzhok.channel;

import java.sql.Timestamp;
import java.time.Clock;

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

    private final JdbcTemplate jdbc;
    private final Clock clock;

    KnownChats(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A message from the chat proves it is reachable again (a parent who unblocked the bot). */
    void seen(ChatAddress chat) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into known_chat(channel, chat_id, first_seen_at, last_seen_at) values (?, ?, ?, ?)
                on conflict (channel, chat_id) do update set last_seen_at = excluded.last_seen_at, unreachable_at = null
                """, chat.channel(), chat.chatId(), now, now);
    }

    @EventListener
    void onUnreachable(ChatUnreachable event) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into known_chat(channel, chat_id, first_seen_at, last_seen_at, unreachable_at) values (?, ?, ?, ?, ?)
                on conflict (channel, chat_id) do update set unreachable_at = excluded.unreachable_at
                """, event.chat().channel(), event.chat().chatId(), now, now, now);
    }

    public boolean isReachable(ChatAddress chat) {
        Integer blocked = jdbc.queryForObject(
                "select count(*) from known_chat where channel = ? and chat_id = ? and unreachable_at is not null",
                Integer.class, chat.channel(), chat.chatId());
        return blocked == null || blocked == 0;
    }
}
