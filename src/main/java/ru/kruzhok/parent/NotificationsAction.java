package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;

/** {@code parent.notifications on|off}: also used by /stop. */
@Component
class NotificationsAction implements DialogAction {

    private final ParentProfiles profiles;

    NotificationsAction(ParentProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "parent.notifications";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        boolean on = "on".equals(arg);
        ctx.setVar("notifications", on ? "on" : "off");
        profiles.setNotifications(ctx.chat(), on);
        return null;
    }
}
