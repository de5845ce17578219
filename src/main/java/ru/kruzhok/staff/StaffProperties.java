package ru.kruzhok.staff;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff settings. {@code telegramIds} (STAFF_TELEGRAM_IDS, comma-separated) are admins from the
 * first start; they are configuration, so commands cannot remove them.
 */
@ConfigurationProperties("kruzhok.staff")
record StaffProperties(List<Long> telegramIds) {
    StaffProperties {
        telegramIds = telegramIds == null ? List.of() : telegramIds.stream().filter(id -> id != null).toList();
    }
}
