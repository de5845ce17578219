package ru.kruzhok.event;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogUses;

/** The texts of dialogs/ that event notices read. */
@Component
class EventDialogUses implements DialogUses {

    @Override
    public Map<String, Set<String>> texts() {
        return Map.of("event_announcement", Set.of(), "event_reminder", Set.of(), "button_event_link", Set.of());
    }
}
