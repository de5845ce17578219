package ru.kruzhok.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who holds which staff role: admins from configuration plus the table staff_role. The whole table
 * is small (a few dozen people), so it is read as one snapshot kept for a few seconds: role checks
 * run on the hot path of every staff command, and another instance's change shows up within
 * {@link #STALE_FOR}.
 */
@Component
class StaffRoles {

    /** The municipality value that stands for the admin role. */
    static final String ADMIN = "*";
    static final Duration STALE_FOR = Duration.ofSeconds(10);

    record Grant(long userId, String municipality, Instant grantedAt, String grantedBy, boolean fromConfig) {
        boolean admin() {
            return ADMIN.equals(municipality);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<Long> configAdmins;
    private final LoadingCache<String, Map<Long, Set<String>>> snapshot;

    StaffRoles(JdbcTemplate jdbc, Clock clock, StaffProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configAdmins = Set.copyOf(properties.telegramIds());
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(STALE_FOR).build(key -> load());
    }

    /** The municipality codes of the user, with {@link #ADMIN} for admins; empty for everyone else. */
    Set<String> rolesOf(long userId) {
        Set<String> roles = snapshot.get("all").getOrDefault(userId, Set.of());
        if (configAdmins.contains(userId)) {
            Set<String> withAdmin = new HashSet<>(roles);
            withAdmin.add(ADMIN);
            return withAdmin;
        }
        return roles;
    }

    boolean isConfigAdmin(long userId) {
        return configAdmins.contains(userId);
    }

    /** Everyone holding any role, configuration admins included. */
    Set<Long> everyone() {
        Set<Long> ids = new HashSet<>(snapshot.get("all").keySet());
        ids.addAll(configAdmins);
        return ids;
    }

    List<Grant> all() {
        List<Grant> grants = new java.util.ArrayList<>(configAdmins.stream().sorted()
                .map(id -> new Grant(id, ADMIN, null, "config", true)).toList());
        grants.addAll(jdbc.query("select telegram_user_id, municipality, granted_at, granted_by from staff_role "
                        + "order by telegram_user_id, municipality",
                (rs, i) -> new Grant(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), false)));
        return grants;
    }

    /** Adds a role; false when the user already had it. */
    boolean grant(long userId, String municipality, String grantedBy) {
        int rows = jdbc.update("insert into staff_role(telegram_user_id, municipality, granted_at, granted_by) "
                        + "values (?, ?, ?, ?) on conflict do nothing",
                userId, municipality, Timestamp.from(clock.instant()), grantedBy);
        snapshot.invalidateAll();
        return rows == 1;
    }

    /** Removes one role, or every stored role of the user when {@code municipality} is null. */
    int revoke(long userId, String municipality) {
        int rows = municipality == null
                ? jdbc.update("delete from staff_role where telegram_user_id = ?", userId)
                : jdbc.update("delete from staff_role where telegram_user_id = ? and municipality = ?", userId, municipality);
        snapshot.invalidateAll();
        return rows;
    }

    private Map<Long, Set<String>> load() {
        Map<Long, Set<String>> roles = new HashMap<>();
        jdbc.query("select telegram_user_id, municipality from staff_role", rs -> {
            roles.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
        });
        Map<Long, Set<String>> frozen = new HashMap<>();
        roles.forEach((id, set) -> frozen.put(id, Set.copyOf(set)));
        return Map.copyOf(frozen);
    }
}
