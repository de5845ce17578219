package ru.kruzhok.catalog;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;

/** {@code catalog.start}: forgets the previous search's filters. */
@Component
class NewSearchAction implements DialogAction {
    @Override
    public String name() {
        return "catalog.start";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        ChatSearchQuery.clear(ctx);
        return null;
    }
}
