package ru.kruzhok.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Incoming;

/**
 * Remembers which Telegram user id goes with which @username, so an admin can write
 * {@code /staff add @olga tsentr}: the Bot API cannot look a user name up, so only people who have
 * written to the bot can be named. User names are personal data: never logged.
 *
 * <p>Writes only when a pair is new to this instance (a small cache in front), not on every message.
 */
@Component
class TelegramUsernames {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Cache<String, Long> recent = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofHours(12)).build();

    TelegramUsernames(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Notes the sender's user name when it is new to this instance. */
    void remember(Incoming incoming) {
        Long userId = StaffAccess.telegramUserId(incoming);
        String username = normalise(incoming.username());
        if (userId != null && username != null && !userId.equals(recent.getIfPresent(username))) {
            jdbc.update("""
                    insert into telegram_username(username, user_id, seen_at) values (?, ?, ?)
                    on conflict (username) do update set user_id = excluded.user_id, seen_at = excluded.seen_at
                    """, username, userId, Timestamp.from(clock.instant()));
            recent.put(username, userId);
        }
    }

    /** The user id last seen with {@code username} (with or without '@', any case). */
    Optional<Long> resolve(String username) {
        String name = normalise(username);
        if (name == null) {
            return Optional.empty();
        }
        return jdbc.query("select user_id from telegram_username where username = ?", (rs, i) -> rs.getLong(1), name)
                .stream().findFirst();
    }

    /** The latest user name seen for the user, for lists shown to admins. */
    Optional<String> usernameOf(long userId) {
        return jdbc.query("select username from telegram_username where user_id = ? order by seen_at desc limit 1",
                (rs, i) -> rs.getString(1), userId).stream().findFirst();
    }

    private static String normalise(String username) {
        if (username == null) {
            return null;
        }
        String name = username.strip();
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        name = name.toLowerCase(Locale.ROOT);
        return name.matches("[a-z0-9_]{3,64}") ? name : null;
    }
}
