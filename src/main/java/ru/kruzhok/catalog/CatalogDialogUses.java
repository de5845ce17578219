package ru.kruzhok.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogUses;
import ru.kruzhok.direction.Direction;

/** The steps, texts and provider placeholders of dialogs/ that the catalog names in Java. */
@Component
class CatalogDialogUses implements DialogUses {

    @Override
    public Set<String> steps() {
        return Set.of(SavedSearchCommands.RESULTS, SavedSearchCommands.START);
    }

    @Override
    public Map<String, Set<String>> texts() {
        Map<String, Set<String>> t = new HashMap<>();
        for (Direction d : Direction.values()) {
            t.put(d.textKey(), Set.of());
        }
        for (SearchFilter f : SearchFilter.values()) {
            t.put("search_filter." + f.apiName(), Set.of());
        }
        for (String key : new String[] {"search_any_direction", "search_any_age", "search_any_district",
                "search_program_gone", "search_no_places", "search_enrol_button", "search_full_button",
                "search_no_filters", "search_watch_button", "search_unwatch_button",
                "search_watch_saved", "search_watch_already", "search_watch_no_consent", "search_watch_too_many",
                "search_watch_off", "search_nearby_no_district", "search_ovz_shown", "saved_search_gone",
                "saved_search_apply", "button_saved_search_open",
                "button_saved_search_off", "settings_watches_none", "settings_watches_some"}) {
            t.put(key, Set.of());
        }
        t.put("search_nothing", Set.of("filters"));
        t.put("search_relax", Set.of("count", "filter"));
        t.put("search_relax_button", Set.of("filter"));
        t.put("search_found", Set.of("count", "filters", "page", "pages"));
        t.put("saved_search_news", Set.of("filters"));
        t.put("saved_search_more", Set.of("count"));
        return t;
    }

    @Override
    public Map<String, Set<String>> providers() {
        return Map.of("catalog.program", Set.of("program.card", "program.url", "program.link"),
                "catalog.results", Set.of("search.summary", "search.cards"),
                "catalog.saved-searches", Set.of("watches.list"));
    }

}
