package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;

/**
 * Saved searches in the settings ({@code dialogs/settings.yaml}, step {@code watches}):
 * {@code catalog.saved-searches} lists them with a «🔕» button each, {@code catalog.unwatch} stops one.
 */
@Configuration(proxyBeanMethods = false)
class SavedSearchSettings {

    private static final int LABEL = 40;

    @Bean
    DialogProvider savedSearchesProvider(SavedSearches saved) {
        return new DialogProvider() {
            @Override
            public String name() {
                return "catalog.saved-searches";
            }

            @Override
            public Content provide(DialogContext ctx) {
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
                    String label = "🔕 " + n + ". " + ru.kruzhok.channel.Markup.plainText(filters);
                    choices.add(new Choice(label.length() <= LABEL ? label : label.substring(0, LABEL - 1) + "…",
                            String.valueOf(s.id())));
                }
                return new Content(Map.of("watches.list", text.toString()), choices, 1);
            }
        };
    }

    @Bean
    DialogAction unwatchAction(SavedSearches saved) {
        return new DialogAction() {
            @Override
            public String name() {
                return "catalog.unwatch";
            }

            @Override
            public String run(DialogContext ctx, String arg) {
                String value = ctx.value() == null ? "" : ctx.value();
                if (value.matches("\\d{1,12}") && saved.remove(ctx.chat(), Long.parseLong(value))) {
                    ctx.say(Reply.text(ctx.text("search_watch_off")));
                }
                return null;
            }
        };
    }
}
