package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.direction.Direction;

/** {@code parent.interest}: switches one direction of interest on or off. */
@Component
class InterestToggleAction implements DialogAction {

    private final ParentProfiles profiles;

    InterestToggleAction(ParentProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "parent.interest";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        if (Direction.fromApiName(ctx.value()).isPresent()) {
            profiles.toggleInterest(ctx.chat(), ctx.value());
        }
        return null;
    }
}
