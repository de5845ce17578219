package ru.kruzhok.catalog;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;

/** The guided search's filters, as the parent answers its questions. */
@Component
class SearchFilters {

    private final Municipalities municipalities;

    SearchFilters(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** {@code catalog.start}: forgets the previous search's filters. */
    String start(DialogContext ctx) {
        ChatSearchQuery.clear(ctx);
        return null;
    }

    /**
     * {@code catalog.filter} with {@code arg: direction|age|district|cost}: stores the chosen value
     * (checked: only known directions, costs, districts pass) and starts results from the first page.
     */
    String choose(DialogContext ctx, String filter) {
        String value = ctx.value() == null ? "" : ctx.value().strip();
        boolean any = value.isEmpty() || ChatSearchQuery.ANY.equals(value);
        ctx.setVar(ChatSearchQuery.PAGE, null);
        switch (filter) {
            case "direction" -> ctx.setVar(ChatSearchQuery.DIRECTION,
                    any ? null : Direction.fromApiName(value).map(Direction::apiName).orElse(null));
            case "age" -> {
                if (any) {
                    ctx.setVar(ChatSearchQuery.AGE, null);
                } else {
                    try {
                        int age = Integer.parseInt(value.replaceAll("\\D", ""));
                        if (age < 1 || age > 18) {
                            return DialogAction.RETRY;
                        }
                        ctx.setVar(ChatSearchQuery.AGE, String.valueOf(age));
                    } catch (NumberFormatException e) {
                        return DialogAction.RETRY;
                    }
                }
            }
            case "district" -> {
                if (value.startsWith("m:")) {
                    municipalities.find(value.substring(2)).ifPresent(m -> ctx.setVar("municipality", m.code()));
                    ctx.setVar(ChatSearchQuery.DISTRICT, null);
                } else {
                    ctx.setVar(ChatSearchQuery.DISTRICT, any || value.length() > 60 ? null : value);
                }
            }
            case "cost" -> ctx.setVar(ChatSearchQuery.COST,
                    any ? null : CostType.fromApiName(value).map(CostType::apiName).orElse(null));
            default -> throw new IllegalArgumentException("unknown search filter " + filter);
        }
        ctx.setVar("choice", null);
        return null;
    }
}
