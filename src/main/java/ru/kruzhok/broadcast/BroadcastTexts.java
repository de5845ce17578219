package ru.kruzhok.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogRegistry;
import ru.kruzhok.dialog.TextTemplates;

/**
 * The live progress message staff follow a broadcast by, put together from its phrases in
 * dialogs/texts.yaml ({@code broadcast_progress_*}): the parts that are there only sometimes (the
 * percentage, the parents with notifications off, the time it took) are texts of their own.
 */
@Component
class BroadcastTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    // Lazy: the registry is built with this feature's dialog actions, which send progress messages.
    private final ObjectProvider<DialogRegistry> texts;

    BroadcastTexts(ObjectProvider<DialogRegistry> texts) {
        this.texts = texts;
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /** The label of the progress message's stop button. */
    String stop() {
        return texts.getObject().text("broadcast_stop");
    }

    /** The live progress message while sending. */
    String sending(long id, int total, int sent, int blocked, int failed, int skipped, Duration left) {
        int done = sent + blocked + failed + skipped;
        String percent = total <= 0 ? ""
                : fill("broadcast_progress_percent", Map.of("broadcast.percent",
                        String.valueOf((int) Math.min(100, Math.round(done * 100.0 / total)))));
        return fill("broadcast_progress_sending", Map.of("broadcast.id", String.valueOf(id),
                "broadcast.sent", String.valueOf(sent), "broadcast.total", String.valueOf(total),
                "broadcast.percent", percent, "broadcast.blocked", String.valueOf(blocked),
                "broadcast.failed", String.valueOf(failed),
                "broadcast.skipped", skipped > 0 ? fill("broadcast_progress_skipped",
                        Map.of("broadcast.skipped", String.valueOf(skipped))) : "",
                "broadcast.left", duration(left)));
    }

    /** The final report: done, or cancelled part way. */
    String finished(long id, boolean cancelled, int total, int sent, int blocked, int failed, int skipped,
                    Duration took) {
        return fill(cancelled ? "broadcast_progress_cancelled" : "broadcast_progress_done", Map.of(
                "broadcast.id", String.valueOf(id), "broadcast.sent", String.valueOf(sent),
                "broadcast.total", String.valueOf(total), "broadcast.blocked", String.valueOf(blocked),
                "broadcast.failed", String.valueOf(failed), "broadcast.skipped", String.valueOf(skipped),
                "broadcast.took", took == null ? "" : fill("broadcast_progress_took",
                        Map.of("broadcast.duration", duration(took)))));
    }

    String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return fill("broadcast_duration_seconds", Map.of("broadcast.s", String.valueOf(s)));
        }
        if (s < 3600) {
            return fill("broadcast_duration_minutes", Map.of("broadcast.m", String.valueOf(s / 60),
                    "broadcast.s", String.valueOf(s % 60)));
        }
        return fill("broadcast_duration_hours", Map.of("broadcast.h", String.valueOf(s / 3600),
                "broadcast.m", String.valueOf(s % 3600 / 60)));
    }

    /** Every placeholder filled as given, an empty part included: these parts are optional by design. */
    private String fill(String key, Map<String, String> values) {
        return TextTemplates.fillExactly(texts.getObject().text(key), values::get);
    }
}
