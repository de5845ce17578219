package ru.kruzhok.parent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogUses;
import ru.kruzhok.direction.Direction;

/** The texts and provider placeholders of dialogs/ that the parents' profile names in Java. */
@Component
class ParentDialogUses implements DialogUses {

    @Override
    public Map<String, Set<String>> texts() {
        Map<String, Set<String>> t = new HashMap<>();
        for (Direction d : Direction.values()) {
            t.put(d.textKey(), Set.of());
        }
        t.put("profile.none", Set.of());
        t.put("profile.no-consent", Set.of());
        t.put("profile.notifications-on", Set.of());
        t.put("profile.notifications-off", Set.of());
        t.put("deleted", Set.of("deleted"));
        return t;
    }

    @Override
    public Map<String, Set<String>> providers() {
        return Map.of("parent.summary", Set.of("profile.children", "profile.interests", "profile.municipality",
                "profile.notifications"));
    }
}
