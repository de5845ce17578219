package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Choice;
import ru.kruzhok.dialog.DialogProvider.Content;
import ru.kruzhok.parent.Ages;

/**
 * {@code catalog.results}: one page of results as compact cards ({search.summary}, {search.cards}),
 * a «Подробнее» button per card, ‹ › paging, and — when nothing matched — the filter to relax.
 */
@Component
class SearchResults {

    private final ProgramSearch search;
    private final SavedSearches saved;
    private final CatalogActivity activity;

    SearchResults(ProgramSearch search, SavedSearches saved, CatalogActivity activity) {
        this.search = search;
        this.saved = saved;
        this.activity = activity;
    }

    Content page(DialogContext ctx) {
        ProgramQuery query = ChatSearchQuery.of(ctx);
        ProgramPage page = search.search(query);
        if (page.items().isEmpty() && page.page() > 0) {
            ctx.setVar(ChatSearchQuery.PAGE, null);
            page = search.search(query.withPage(0, query.size()));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        String filters = describe(ctx, query);
        List<List<Choice>> rows = new ArrayList<>();
        if (page.total() == 0) {
            StringBuilder none = new StringBuilder(ctx.text("search_nothing").replace("{filters}", filters));
            ProgramPage.RelaxSuggestion relax = page.relaxSuggestion();
            if (relax != null) {
                String filterName = ctx.text("search_filter." + relax.filter().apiName());
                none.append("\n\n").append(ctx.text("search_relax")
                        .replace("{filter}", filterName).replace("{count}", String.valueOf(relax.total())));
                rows.add(List.of(new Choice(ctx.text("search_relax_button").replace("{filter}", filterName),
                        "r:" + relax.filter().apiName())));
            }
            activity.searched(ctx, filters);
            vars.put("search.summary", none.toString());
            vars.put("search.cards", "");
            rows.add(List.of(watchChoice(ctx, query)));
            return new Content(vars, rows);
        }
        activity.searched(ctx, filters);
        int pages = (int) ((page.total() + page.size() - 1) / page.size());
        vars.put("search.summary", ctx.text("search_found")
                .replace("{count}", String.valueOf(page.total()))
                .replace("{filters}", filters)
                .replace("{page}", String.valueOf(page.page() + 1))
                .replace("{pages}", String.valueOf(pages)));
        StringBuilder cards = new StringBuilder();
        List<Choice> details = new ArrayList<>();
        int n = page.page() * page.size();
        for (Program p : page.items()) {
            n++;
            cards.append(ProgramCard.compact(n, p)).append("\n\n");
            details.add(new Choice("ℹ️ " + n, "d:" + p.id()));
        }
        vars.put("search.cards", cards.toString().strip());
        rows.add(details);
        List<Choice> paging = new ArrayList<>();
        if (page.page() > 0) {
            paging.add(new Choice("‹ Назад", "p:" + (page.page() - 1)));
        }
        if (page.hasNext()) {
            paging.add(new Choice("Ещё ›", "p:" + (page.page() + 1)));
        }
        rows.add(paging);
        rows.add(List.of(watchChoice(ctx, query)));
        return new Content(vars, rows);
    }

    /** «🔔 Сообщать о новых», or «🔕 Не сообщать» when these very filters are saved already. */
    private Choice watchChoice(DialogContext ctx, ProgramQuery query) {
        boolean watching = saved.find(ctx.chat(), SavedSearches.Filters.of(query)).isPresent();
        return watching ? new Choice(ctx.text("search_unwatch_button"), "unwatch")
                : new Choice(ctx.text("search_watch_button"), "watch");
    }

    private static String describe(DialogContext ctx, ProgramQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.direction() != null) {
            parts.add(ctx.text(q.direction().textKey()).toLowerCase());
        }
        if (q.age() != null) {
            parts.add(Ages.inYears(q.age()));
        }
        if (q.district() != null) {
            parts.add(Markup.escape(q.district()));
        }
        if (q.cost() != null) {
            parts.add(q.cost().title().toLowerCase());
        }
        if (Boolean.TRUE.equals(q.ovz())) {
            parts.add(ctx.text("search_ovz_shown"));
        }
        if (q.text() != null) {
            parts.add("«" + Markup.escape(SearchTextParser.shown(q.text())) + "»");
        }
        return parts.isEmpty() ? ctx.text("search_no_filters") : String.join(", ", parts);
    }
}
