package ru.kruzhok.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.OutgoingFile;

/**
 * The open announcement drafts of {@code dialogs/staff/broadcast.yaml}, one per chat, in PostgreSQL:
 * that a draft is open (a draft not touched for {@link BroadcastProperties#draftLifetime()} is
 * closed), and its photo or file. The choices themselves (text, audience) are the conversation's
 * {@code broadcast.*} variables, kept by the dialog engine; the file stays here because a
 * conversation's state is cached and read on every message, and a file may be megabytes. The
 * table's {@code state} column, from when the composer kept its own steps, is written empty.
 */
@Component
class BroadcastDrafts {

    private final JdbcTemplate jdbc;
    private final BroadcastProperties properties;
    private final Clock clock;

    BroadcastDrafts(JdbcTemplate jdbc, BroadcastProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens (or reopens) the chat's draft with this file, or none. */
    void open(ChatAddress chat, String userId, OutgoingFile file) {
        jdbc.update("""
                insert into broadcast_draft(channel, chat_id, user_id, state, file_kind, file_name, file_mime,
                                            file_content, updated_at)
                values (?, ?, ?, '{}'::jsonb, ?, ?, ?, ?, ?)
                on conflict (channel, chat_id) do update set user_id = excluded.user_id, state = excluded.state,
                    file_kind = excluded.file_kind, file_name = excluded.file_name, file_mime = excluded.file_mime,
                    file_content = excluded.file_content, updated_at = excluded.updated_at
                """, chat.channel(), chat.chatId(), userId,
                file == null ? null : file.kind() == OutgoingFile.Kind.IMAGE ? "image" : "document",
                file == null ? null : file.fileName(), file == null ? null : file.mimeType(),
                file == null ? null : file.content(), Timestamp.from(clock.instant()));
    }

    /** Keeps an open draft open a while longer; false when the chat has none (finished, dropped, expired). */
    boolean touch(ChatAddress chat) {
        Instant now = clock.instant();
        return jdbc.update("update broadcast_draft set updated_at = ? where channel = ? and chat_id = ? and updated_at >= ?",
                Timestamp.from(now), chat.channel(), chat.chatId(), Timestamp.from(now.minus(properties.draftLifetime()))) > 0;
    }

    /** The open draft's photo or file, if it has one. */
    Optional<OutgoingFile> file(ChatAddress chat) {
        List<OutgoingFile> files = jdbc.query("""
                select file_kind, file_name, file_mime, file_content from broadcast_draft
                 where channel = ? and chat_id = ? and file_kind is not null
                """, (rs, n) -> new OutgoingFile(
                "image".equals(rs.getString("file_kind")) ? OutgoingFile.Kind.IMAGE : OutgoingFile.Kind.DOCUMENT,
                rs.getString("file_name"), rs.getString("file_mime"), rs.getBytes("file_content")),
                chat.channel(), chat.chatId());
        return files.stream().findFirst();
    }

    void delete(ChatAddress chat) {
        jdbc.update("delete from broadcast_draft where channel = ? and chat_id = ?", chat.channel(), chat.chatId());
    }

    /** Drafts nobody finished: forgotten, files and all. */
    int deleteStale(Instant now) {
        return jdbc.update("delete from broadcast_draft where updated_at < ?",
                Timestamp.from(now.minus(properties.draftLifetime())));
    }
}
