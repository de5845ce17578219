package ru.kruzhok.sheet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * Values as a methodist reads them in an export: the municipality's local time
 * with its offset («04.12.2026 13:15 (UTC+3)»), the municipality's Russian name instead of its code.
 */
@Component
public class ExportFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** What an export says for a parent who has not chosen a municipality. */
    public static final String NO_MUNICIPALITY = "не указан";

    private final Municipalities municipalities;

    public ExportFormat(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** The zone of the municipality, or the default zone when it is unknown. */
    public ZoneId zoneOf(String municipality) {
        return municipalities.find(municipality).map(Municipality::zone).orElse(Municipality.DEFAULT_ZONE);
    }

    /** «04.12.2026 13:15 (UTC+3)» in the municipality's zone; empty for null. */
    public String format(Instant at, String municipality) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zoneOf(municipality));
        return TIME.format(local) + " (" + offset(local) + ")";
    }

    /** The Russian name of a municipality, the code itself for an unknown one, «не указан» for none. */
    public String name(String municipality) {
        if (municipality == null || municipality.isBlank()) {
            return NO_MUNICIPALITY;
        }
        return municipalities.find(municipality).map(Municipality::name).orElse(municipality);
    }

    static String offset(ZonedDateTime t) {
        int seconds = t.getOffset().getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int hours = Math.abs(seconds) / 3600;
        int minutes = Math.abs(seconds) % 3600 / 60;
        return "UTC" + (seconds < 0 ? "−" : "+") + hours + (minutes == 0 ? "" : String.format(":%02d", minutes));
    }

    /** The messenger as people call it («ВКонтакте», «веб-чат»). */
    public static String messenger(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "telegram" -> "Telegram";
            case "web" -> "веб-чат";
            case "max" -> "MAX";
            case "vk" -> "ВКонтакте";
            default -> channel;
        };
    }

    /** «да» / «нет». */
    public static String yesNo(boolean value) {
        return value ? "да" : "нет";
    }
}
