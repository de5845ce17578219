package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;
import ru.kruzhok.direction.Direction;

/**
 * {@code catalog.results}: one page of results as compact cards ({search.summary}, {search.cards}),
 * a «Подробнее» button per card, ‹ › paging, and — when nothing matched — the filter to relax.
 */
@Component
class SearchResultsProvider implements DialogProvider {

    private final ProgramSearch search;
    private final SavedSearches saved;

    private final CatalogActivity activity;

    SearchResultsProvider(ProgramSearch search, SavedSearches saved, CatalogActivity activity) {
        this.search = search;
        this.saved = saved;
        this.activity = activity;
    }

    @Override
    public String name() {
        return "catalog.results";
    }

    @Override
    public Content provide(DialogContext ctx) {
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
            cards.append(card(n, p)).append("\n\n");
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

    static String card(int n, Program p) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(n).append(". ").append(Markup.escape(p.title())).append("**\n");
        if (p.organisation() != null && p.organisation().name() != null) {
            sb.append(Markup.escape(p.organisation().name()));
            if (p.organisation().district() != null) {
                sb.append(" · ").append(Markup.escape(p.organisation().district()));
            }
            sb.append('\n');
        }
        sb.append(p.ageFrom()).append('–').append(p.ageTo()).append(" лет · ").append(cost(p));
        if (noPlaces(p)) {
            sb.append(" · ").append(NO_PLACES);
        }
        return sb.toString();
    }

    /** The mark of a program with no free places, in results and on its card. */
    static final String NO_PLACES = "🚫 **мест нет**";

    /** The file says how many places are free, and none are. */
    static boolean noPlaces(Program p) {
        return p.placesFree() != null && p.placesFree() <= 0;
    }

    static String cost(Program p) {
        if (p.cost() == CostType.PAID && p.price() != null) {
            return "платно, " + p.price().stripTrailingZeros().toPlainString() + " ₽";
        }
        return p.cost().title().toLowerCase();
    }

    private static String describe(DialogContext ctx, ProgramQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.direction() != null) {
            parts.add(ctx.text(q.direction().textKey()).toLowerCase());
        }
        if (q.age() != null) {
            parts.add(q.age() + " " + SearchChoices.years(q.age()));
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
