package ru.kruzhok.staff;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY stand-in for {@link ParentExport} until the parent feature exports real profiles: the
 * known chats (channel, chat id, first and last seen, unreachable since). Reads the channel's
 * known_chat table directly for the same reason as {@link KnownChatParentFigures}; the lead deletes
 * this class (or marks the real one {@code @Primary}).
 */
@Component
class KnownChatParentExport implements ParentExport {

    private final JdbcTemplate jdbc;

    KnownChatParentExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> header() {
        return List.of("channel", "chat_id", "first_seen_at", "last_seen_at", "unreachable_since");
    }

    @Override
    public List<List<String>> rows() {
        return jdbc.query("select channel, chat_id, first_seen_at, last_seen_at, unreachable_at from known_chat "
                        + "where not (channel = 'telegram' and chat_id like '-%') order by first_seen_at, channel, chat_id",
                (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString(),
                        rs.getTimestamp(4).toInstant().toString(),
                        rs.getTimestamp(5) == null ? "" : rs.getTimestamp(5).toInstant().toString()));
    }
}
