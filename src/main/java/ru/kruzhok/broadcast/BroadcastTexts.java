package ru.kruzhok.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What the bot says to staff following an announcement being sent: the live progress message. The
 * composer's phrases are in dialogs/texts.yaml (broadcast_*).
 */
final class BroadcastTexts {

    static final String STOP = "⛔ Остановить рассылку";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private BroadcastTexts() {
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /** The live progress message while sending. */
    static String sending(long id, int total, int sent, int blocked, int failed, int skipped, Duration left) {
        int done = sent + blocked + failed + skipped;
        return "📣 **Рассылка №" + id + " идёт**\n"
                + "Отправлено: " + sent + " из " + total + progressBar(done, total) + "\n"
                + "Заблокировали бота: " + blocked + " · ошибки: " + failed
                + (skipped > 0 ? " · уведомления выключены: " + skipped : "") + "\n"
                + "Осталось примерно: " + duration(left);
    }

    static String finished(long id, boolean cancelled, int total, int sent, int blocked, int failed, int skipped,
                           Duration took) {
        return (cancelled ? "⛔ **Рассылка №" + id + " отменена**\nУспели отправить: " + sent + " из " + total
                : "✅ **Рассылка №" + id + " завершена**\nДоставлено: " + sent + " из " + total) + "\n"
                + "Заблокировали бота: " + blocked + " · ошибки: " + failed + " · уведомления выключены: " + skipped
                + (took == null ? "" : "\nВремя отправки: " + duration(took));
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " с";
        }
        if (s < 3600) {
            return s / 60 + " мин " + s % 60 + " с";
        }
        return s / 3600 + " ч " + s % 3600 / 60 + " мин";
    }

    private static String progressBar(int done, int total) {
        if (total <= 0) {
            return "";
        }
        int percent = (int) Math.min(100, Math.round(done * 100.0 / total));
        return " (" + percent + "%)";
    }
}
