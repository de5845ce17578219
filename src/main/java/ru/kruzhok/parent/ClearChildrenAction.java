package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;

/** {@code parent.clear-children}: forgets the children so the parent can list them anew. */
@Component
class ClearChildrenAction implements DialogAction {

    private final ParentProfiles profiles;

    ClearChildrenAction(ParentProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "parent.clear-children";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        profiles.clearChildren(ctx.chat());
        return null;
    }
}
