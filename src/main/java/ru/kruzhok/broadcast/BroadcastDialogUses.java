package ru.kruzhok.broadcast;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogUses;

/** The staff flow, texts and provider placeholders of dialogs/ that the broadcast feature names in Java. */
@Component
class BroadcastDialogUses implements DialogUses {

    @Override
    public Set<String> staffFlows() {
        return Set.of(BroadcastComposer.FLOW);
    }

    @Override
    public Map<String, Set<String>> texts() {
        Map<String, Set<String>> t = new HashMap<>();
        for (String key : new String[] {"broadcast_download_failed", "broadcast_all_municipalities",
                "broadcast_everywhere", "broadcast_by_age", "broadcast_by_interest", "broadcast_not_answered",
                "broadcast_need_direction", "broadcast_zone_moscow", "broadcast_buttons_expected", "broadcast_closed",
                "broadcast_dropped", "broadcast_private_only", "broadcast_not_yours", "broadcast_cancel_usage",
                "broadcast_preview_nobody", "broadcast_parents", "broadcast_send_now", "broadcast_schedule",
                "broadcast_stop", "broadcast_unschedule"}) {
            t.put(key, Set.of());
        }
        t.put("broadcast_file_too_big", Set.of("broadcast.max-mb"));
        t.put("broadcast_to_all", Set.of("broadcast.place"));
        t.put("broadcast_time_past", Set.of("broadcast.example"));
        t.put("broadcast_not_found", Set.of("broadcast.id"));
        t.put("broadcast_already_over", Set.of("broadcast.id"));
        t.put("broadcast_cancelled", Set.of("broadcast.id"));
        t.put("broadcast_preview", Set.of("broadcast.audience", "broadcast.count"));
        t.put("broadcast_audience_ages", Set.of("broadcast.ages"));
        t.put("broadcast_audience_interests", Set.of("broadcast.directions"));
        t.put("broadcast_audience_survey", Set.of("broadcast.survey"));
        t.put("broadcast_progress_sending", Set.of("broadcast.id", "broadcast.sent", "broadcast.total",
                "broadcast.percent", "broadcast.blocked", "broadcast.failed", "broadcast.skipped", "broadcast.left"));
        t.put("broadcast_progress_percent", Set.of("broadcast.percent"));
        t.put("broadcast_progress_skipped", Set.of("broadcast.skipped"));
        for (String key : new String[] {"broadcast_progress_done", "broadcast_progress_cancelled"}) {
            t.put(key, Set.of("broadcast.id", "broadcast.sent", "broadcast.total", "broadcast.blocked",
                    "broadcast.failed", "broadcast.skipped", "broadcast.took"));
        }
        t.put("broadcast_progress_took", Set.of("broadcast.duration"));
        t.put("broadcast_duration_seconds", Set.of("broadcast.s"));
        t.put("broadcast_duration_minutes", Set.of("broadcast.m", "broadcast.s"));
        t.put("broadcast_duration_hours", Set.of("broadcast.h", "broadcast.m"));
        t.put("broadcast_scheduled", Set.of("broadcast.id", "broadcast.when", "broadcast.zone", "broadcast.count"));
        return t;
    }

    @Override
    public Map<String, Set<String>> providers() {
        return Map.of("broadcast.preview", Set.of("broadcast.preview"), "broadcast.time", Set.of("broadcast.zone"));
    }
}
