package ru.kruzhok.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.channel.ChatAddress;

/**
 * Telegram parents made straight in the database (the onboarding dialog has its own tests), with
 * consent, a municipality, one child of the given age and interests; {@link #deleteAll} removes them.
 * Broadcast tests give children age 0 (born this year), an age no other test uses, so the audience
 * "ages [0, 0]" selects exactly that test's parents.
 */
public final class TestParents {

    private final JdbcTemplate jdbc;
    private final List<ChatAddress> created = new ArrayList<>();

    public TestParents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ChatAddress add(long chatId, String municipality, int childAge, boolean notifications, String... interests) {
        ChatAddress chat = new ChatAddress("telegram", String.valueOf(chatId));
        Timestamp now = Timestamp.from(Instant.now());
        Long id = jdbc.queryForObject("""
                insert into parent(channel, chat_id, municipality, consent_at, notifications, created_at, updated_at)
                values ('telegram', ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, chat.chatId(), municipality, now, notifications, now, now);
        jdbc.update("insert into child(parent_id, name, birth_year) values (?, null, ?)", id,
                Year.now().getValue() - childAge);
        for (String direction : interests) {
            jdbc.update("insert into parent_interest(parent_id, direction) values (?, ?)", id, direction);
        }
        created.add(chat);
        return chat;
    }

    public void deleteAll() {
        for (ChatAddress chat : created) {
            jdbc.update("delete from parent where channel = ? and chat_id = ?", chat.channel(), chat.chatId());
        }
        created.clear();
    }
}
