package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Choice;
import ru.kruzhok.dialog.DialogProvider.Content;

/**
 * Saved searches in the settings ({@code dialogs/settings.yaml}, step {@code watches}):
 * {@code catalog.saved-searches} lists them with a «🔕» button each, {@code catalog.unwatch} stops one.
 */
@Component
class SavedSearchSettings {

    private static final int LABEL = 40;

    private final SavedSearches saved;

    SavedSearchSettings(SavedSearches saved) {
        this.saved = saved;
    }

    /** {@code catalog.saved-searches}: {watches.list} and a «🔕 n. filters» button per saved search. */
    Content list(DialogContext ctx) {
        List<SavedSearches.Saved> list = saved.list(ctx.chat());
        if (list.isEmpty()) {
            return Content.of(Map.of("watches.list", ctx.text("settings_watches_none")));
        }
        StringBuilder text = new StringBuilder(ctx.text("settings_watches_some"));
        List<Choice> choices = new ArrayList<>();
        int n = 0;
        for (SavedSearches.Saved s : list) {
            String filters = SavedSearches.describe(s.filters(), ctx::text);
            text.append("\n").append(++n).append(". ").append(filters);
            String label = "🔕 " + n + ". " + Markup.plainText(filters);
            choices.add(new Choice(label.length() <= LABEL ? label : label.substring(0, LABEL - 1) + "…",
                    String.valueOf(s.id())));
        }
        return new Content(Map.of("watches.list", text.toString()), choices, 1);
    }

    /** {@code catalog.unwatch}: stops the saved search whose button was pressed. */
    String unwatch(DialogContext ctx) {
        String value = ctx.value() == null ? "" : ctx.value();
        if (value.matches("\\d{1,12}") && saved.remove(ctx.chat(), Long.parseLong(value))) {
            ctx.say(Reply.text(ctx.text("search_watch_off")));
        }
        return null;
    }
}
