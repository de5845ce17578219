package ru.kruzhok.catalog;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Content;

/**
 * How a program is shown in the chat: the compact card in the results, and the full card of the
 * program chosen from them ({@code catalog.program}).
 */
@Component
class ProgramCard {

    private static final int DESCRIPTION_LIMIT = 700;

    private final ProgramSearch search;
    private final CatalogActivity activity;

    ProgramCard(ProgramSearch search, CatalogActivity activity) {
        this.search = search;
        this.activity = activity;
    }

    /**
     * {@code catalog.program}: {program.card}, {program.url}, and {program.link}, the link button's
     * label: «Записаться» only while places are left.
     */
    Content chosen(DialogContext ctx) {
        String id = ctx.var(ChatSearchQuery.PROGRAM);
        Program p = id == null ? null : search.find(Long.parseLong(id)).orElse(null);
        Map<String, String> vars = new HashMap<>();
        if (p == null) {
            vars.put("program.card", ctx.text("search_program_gone"));
            vars.put("program.url", "");
            vars.put("program.link", ctx.text("search_enrol_button"));
            return Content.of(vars);
        }
        activity.viewed(ctx, p);
        StringBuilder card = new StringBuilder();
        card.append("**").append(Markup.escape(p.title())).append("**\n");
        card.append(ctx.text(p.direction().textKey())).append(" · ")
                .append(p.ageFrom()).append('–').append(p.ageTo()).append(" лет · ")
                .append(cost(p)).append('\n');
        if (p.organisation() != null) {
            line(card, "🏫", p.organisation().name());
            line(card, "📍", join(p.organisation().district(), p.organisation().address()));
            line(card, "📞", p.organisation().phone());
        }
        line(card, "🗓", p.schedule());
        line(card, "👩‍🏫", p.teacher());
        if (p.format() != null) {
            line(card, "💻", p.format().title());
        }
        boolean full = noPlaces(p);
        if (full) {
            card.append(ctx.text("search_no_places")).append('\n');
        } else if (p.placesFree() != null) {
            line(card, "🪑", "свободных мест: " + p.placesFree() + (p.placesTotal() == null ? "" : " из " + p.placesTotal()));
        }
        if (p.ovz()) {
            line(card, "♿", "подходит детям с ОВЗ");
        }
        if (p.description() != null && !p.description().isBlank()) {
            String d = p.description().strip();
            card.append('\n').append(Markup.escape(d.length() > DESCRIPTION_LIMIT ? d.substring(0, DESCRIPTION_LIMIT) + "…" : d));
        }
        vars.put("program.card", card.toString().strip());
        vars.put("program.url", p.url() == null ? "" : p.url());
        // no «Записаться» on a full program: the link only shows it in the Navigator
        vars.put("program.link", ctx.text(full ? "search_full_button" : "search_enrol_button"));
        return Content.of(vars);
    }

    /** The compact card of the results and of saved-search news: «**3. Title**», organisation, ages, cost. */
    static String compact(int n, Program p) {
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

    private static void line(StringBuilder sb, String icon, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(icon).append(' ').append(Markup.escape(value)).append('\n');
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }
}
