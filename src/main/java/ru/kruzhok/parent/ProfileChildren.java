package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;

/** The children a parent lists in the chat: one typed at a time ({@code parent.add-child}), all cleared to start again. */
@Component
class ProfileChildren {

    private final ParentProfiles profiles;

    ProfileChildren(ParentProfiles profiles) {
        this.profiles = profiles;
    }

    /** {@code parent.add-child}: adds a child from the typed text, or asks again. */
    String add(DialogContext ctx) {
        var child = ChildInput.parse(ctx.value(), profiles.currentYear());
        if (child.isEmpty()) {
            return DialogAction.RETRY;
        }
        profiles.addChild(ctx.chat(), child.get().name(), child.get().birthYear());
        // the typed text may carry a child's name: do not keep it in the conversation
        ctx.setVar("choice", null);
        return null;
    }

    /** {@code parent.clear-children}: forgets the children so the parent can list them anew. */
    String clear(DialogContext ctx) {
        profiles.clearChildren(ctx.chat());
        return null;
    }
}
