package ru.kruzhok.dialog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChatAddress;
import tools.jackson.databind.ObjectMapper;

/**
 * Conversation state in PostgreSQL with a Caffeine cache in front, written through: a restart or a
 * second instance continues the same conversation. The cache only saves reads; every change is in
 * the database before the reply leaves (and a chat is handled by one instance at a time).
 */
@Component
class ConversationStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Cache<String, ConversationState> cache = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    ConversationStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Optional<ConversationState> load(ChatAddress chat) {
        ConversationState cached = cache.getIfPresent(chat.key());
        if (cached != null) {
            return Optional.of(copy(cached));
        }
        List<String> rows = jdbc.queryForList("select state from conversation where channel = ? and chat_id = ?",
                String.class, chat.channel(), chat.chatId());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ConversationState state = json.readValue(rows.get(0), ConversationState.class);
        cache.put(chat.key(), state);
        return Optional.of(copy(state));
    }

    void save(ChatAddress chat, ConversationState state) {
        jdbc.update("""
                insert into conversation(channel, chat_id, state, updated_at) values (?, ?, ?, ?)
                on conflict (channel, chat_id) do update set state = excluded.state, updated_at = excluded.updated_at
                """, chat.channel(), chat.chatId(), json.writeValueAsString(state), Timestamp.from(clock.instant()));
        cache.put(chat.key(), copy(state));
    }

    /** Forgets the conversation (the parent deleted their data). */
    boolean delete(ChatAddress chat) {
        cache.invalidate(chat.key());
        return jdbc.update("delete from conversation where channel = ? and chat_id = ?", chat.channel(), chat.chatId()) > 0;
    }

    /** Drops cached copies, e.g. in tests that simulate a restart. */
    void forgetCached() {
        cache.invalidateAll();
    }

    private static ConversationState copy(ConversationState s) {
        return s.copy();
    }
}
