package ru.kruzhok.catalog;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;

/**
 * {@code catalog.pick}: a press under the results — «‹ ›» turns the page, «ℹ️ n» opens a program
 * (outcome {@code details}), «Убрать …» relaxes a filter.
 */
@Component
class SearchPickAction implements DialogAction {

    private final ProgramSearch search;

    SearchPickAction(ProgramSearch search) {
        this.search = search;
    }

    @Override
    public String name() {
        return "catalog.pick";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        String value = ctx.value() == null ? "" : ctx.value();
        ctx.setVar("choice", null);
        if (value.startsWith("p:")) {
            ctx.setVar(ChatSearchQuery.PAGE, digits(value.substring(2)));
            return null;
        }
        if (value.startsWith("d:")) {
            String id = digits(value.substring(2));
            // the id came from our own button, but check it anyway: never show what does not exist
            if (id != null && search.find(Long.parseLong(id)).isPresent()) {
                ctx.setVar(ChatSearchQuery.PROGRAM, id);
                return "details";
            }
            return null;
        }
        if (value.startsWith("r:")) {
            switch (value.substring(2)) {
                case "q" -> ctx.setVar(ChatSearchQuery.TEXT, null);
                case "direction" -> ctx.setVar(ChatSearchQuery.DIRECTION, null);
                case "age" -> ctx.setVar(ChatSearchQuery.AGE, null);
                case "district" -> ctx.setVar(ChatSearchQuery.DISTRICT, null);
                case "cost" -> ctx.setVar(ChatSearchQuery.COST, null);
                default -> {
                    // ОВЗ is not asked in the chat; nothing to relax
                }
            }
            ctx.setVar(ChatSearchQuery.PAGE, null);
        }
        return null;
    }

    private static String digits(String s) {
        return s.matches("\\d{1,12}") ? s : null;
    }
}
