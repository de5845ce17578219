package ru.kruzhok.dialog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/** The texts the dialog engine itself shows (main.help is optional: /help falls back to the menu). */
@Component
class EngineDialogUses implements DialogUses {

    /** The engine fills its own texts as it fills a step's: every source's placeholders. */
    private final Set<String> common;

    EngineDialogUses(List<PlaceholderSource> sources) {
        Set<String> names = new TreeSet<>();
        sources.forEach(s -> names.addAll(s.names()));
        this.common = Set.copyOf(names);
    }

    @Override
    public Map<String, Set<String>> texts() {
        return Map.of("stopped", common, "unknown_command", common, "stale_button", common,
                "not_understood", common, "text_and_buttons", common, "button_back", common);
    }
}
