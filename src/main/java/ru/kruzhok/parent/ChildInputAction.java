package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;

/** {@code parent.add-child}: adds a child from the typed text, or asks again. */
@Component
class ChildInputAction implements DialogAction {

    private final ParentProfiles profiles;

    ChildInputAction(ParentProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "parent.add-child";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        var child = ChildInput.parse(ctx.value(), profiles.currentYear());
        if (child.isEmpty()) {
            return RETRY;
        }
        profiles.addChild(ctx.chat(), child.get().name(), child.get().birthYear());
        // the typed text may carry a child's name: do not keep it in the conversation
        ctx.setVar("choice", null);
        return null;
    }
}
