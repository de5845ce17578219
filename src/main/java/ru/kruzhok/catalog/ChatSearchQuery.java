package ru.kruzhok.catalog;

import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.direction.Direction;

/**
 * The search a parent is building in the chat, kept in the conversation's variables (so it survives
 * restarts like the rest of the conversation) and turned into a {@link ProgramQuery}.
 */
final class ChatSearchQuery {

    static final String DIRECTION = "search.direction";
    static final String AGE = "search.age";
    static final String DISTRICT = "search.district";
    static final String COST = "search.cost";
    static final String TEXT = "search.text";
    static final String OVZ = "search.ovz";
    static final String PAGE = "search.page";
    static final String PROGRAM = "search.program";
    static final String ANY = "any";

    private ChatSearchQuery() {
    }

    static void clear(DialogContext ctx) {
        for (String var : new String[] {DIRECTION, AGE, DISTRICT, COST, TEXT, OVZ, PAGE, PROGRAM}) {
            ctx.setVar(var, null);
        }
    }

    static ProgramQuery of(DialogContext ctx) {
        ProgramQuery q = ProgramQuery.all().withMunicipality(ctx.municipality());
        q = Direction.fromApiName(ctx.var(DIRECTION)).map(q::withDirection).orElse(q);
        q = CostType.fromApiName(ctx.var(COST)).map(q::withCost).orElse(q);
        q = q.withDistrict(ctx.var(DISTRICT)).withText(ctx.var(TEXT));
        if ("yes".equals(ctx.var(OVZ))) {
            q = q.withOvz(true);
        }
        if (ctx.var(AGE) != null) {
            try {
                q = q.withAge(Integer.parseInt(ctx.var(AGE)));
            } catch (NumberFormatException ignored) {
                // «любой возраст»
            }
        }
        return q.withPage(page(ctx), ProgramQuery.DEFAULT_SIZE);
    }

    static int page(DialogContext ctx) {
        try {
            return ctx.var(PAGE) == null ? 0 : Math.max(0, Integer.parseInt(ctx.var(PAGE)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Stores parsed free text («танцы для 7 лет бесплатно») as the chat's filters. */
    static void apply(DialogContext ctx, SearchTextParser.Parsed parsed) {
        clear(ctx);
        if (parsed.direction() != null) {
            ctx.setVar(DIRECTION, parsed.direction().apiName());
        }
        if (parsed.age() != null) {
            ctx.setVar(AGE, String.valueOf(parsed.age()));
        }
        if (parsed.cost() != null) {
            ctx.setVar(COST, parsed.cost().apiName());
        }
        if (parsed.ovz()) {
            ctx.setVar(OVZ, "yes");
        }
        if (parsed.text() != null && !parsed.text().isBlank()) {
            ctx.setVar(TEXT, parsed.text());
        }
    }
}
