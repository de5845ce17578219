package ru.kruzhok.broadcast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.channel.OutgoingFile;
import tools.jackson.databind.ObjectMapper;

/**
 * Announcements staff are composing with /broadcast, one per chat, in PostgreSQL: a restart or
 * another instance picks the draft up where it was. A draft not touched for
 * {@link BroadcastProperties#draftLifetime()} is forgotten.
 */
@Component
class BroadcastDrafts {

    /** Where the composing stands: what the bot asked for last. */
    enum Step { CONTENT, MUNICIPALITY, AUDIENCE, AGES, DIRECTIONS, SURVEY, CONFIRM, TIME }

    /**
     * Everything chosen so far except the file.
     *
     * @param municipality a municipality code, or {@link #ALL} for every municipality (admins only)
     * @param audience     "all", "ages", "directions" or "survey"
     */
    record State(Step step, String text, String municipality, String audience, Integer ageFrom, Integer ageTo,
                 Set<String> directions, String survey) {

        static final String ALL = "*";

        State {
            directions = directions == null ? Set.of() : Set.copyOf(new TreeSet<>(directions));
        }

        static State start() {
            return new State(Step.CONTENT, null, null, null, null, null, Set.of(), null);
        }

        State step(Step next) {
            return new State(next, text, municipality, audience, ageFrom, ageTo, directions, survey);
        }

        State withText(String markup) {
            return new State(step, markup, municipality, audience, ageFrom, ageTo, directions, survey);
        }

        State withMunicipality(String code) {
            return new State(step, text, code, audience, ageFrom, ageTo, directions, survey);
        }

        /** A new audience choice replaces the previous one's details. */
        State withAudience(String kind, Integer from, Integer to, Set<String> dirs, String surveyId) {
            return new State(step, text, municipality, kind, from, to, dirs, surveyId);
        }
    }

    record Draft(String userId, State state, OutgoingFile file) {
        Draft with(State next) {
            return new Draft(userId, next, file);
        }

        Draft with(State next, OutgoingFile newFile) {
            return new Draft(userId, next, newFile);
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final BroadcastProperties properties;
    private final Clock clock;

    BroadcastDrafts(JdbcTemplate jdbc, ObjectMapper json, BroadcastProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<Draft> find(ChatAddress chat) {
        Timestamp freshFrom = Timestamp.from(clock.instant().minus(properties.draftLifetime()));
        List<Draft> drafts = jdbc.query("""
                select user_id, state::text as state, file_kind, file_name, file_mime, file_content
                  from broadcast_draft where channel = ? and chat_id = ? and updated_at >= ?
                """, (rs, n) -> {
            String kind = rs.getString("file_kind");
            OutgoingFile file = kind == null ? null : new OutgoingFile(
                    "image".equals(kind) ? OutgoingFile.Kind.IMAGE : OutgoingFile.Kind.DOCUMENT,
                    rs.getString("file_name"), rs.getString("file_mime"), rs.getBytes("file_content"));
            return new Draft(rs.getString("user_id"), json.readValue(rs.getString("state"), State.class), file);
        }, chat.channel(), chat.chatId(), freshFrom);
        return drafts.stream().findFirst();
    }

    /** Whether the chat has an open draft, without loading its file. */
    boolean isOpen(ChatAddress chat) {
        Timestamp freshFrom = Timestamp.from(clock.instant().minus(properties.draftLifetime()));
        Integer n = jdbc.queryForObject(
                "select count(*) from broadcast_draft where channel = ? and chat_id = ? and updated_at >= ?",
                Integer.class, chat.channel(), chat.chatId(), freshFrom);
        return n != null && n > 0;
    }

    void save(ChatAddress chat, Draft draft) {
        OutgoingFile file = draft.file();
        jdbc.update("""
                insert into broadcast_draft(channel, chat_id, user_id, state, file_kind, file_name, file_mime,
                                            file_content, updated_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                on conflict (channel, chat_id) do update set user_id = excluded.user_id, state = excluded.state,
                    file_kind = excluded.file_kind, file_name = excluded.file_name, file_mime = excluded.file_mime,
                    file_content = excluded.file_content, updated_at = excluded.updated_at
                """, chat.channel(), chat.chatId(), draft.userId(), json.writeValueAsString(draft.state()),
                file == null ? null : file.kind() == OutgoingFile.Kind.IMAGE ? "image" : "document",
                file == null ? null : file.fileName(), file == null ? null : file.mimeType(),
                file == null ? null : file.content(), Timestamp.from(clock.instant()));
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
