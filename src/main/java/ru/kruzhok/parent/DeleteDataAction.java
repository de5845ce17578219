package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;

/**
 * {@code parent.delete}: deletes the profile, children, interests and the conversation's memory,
 * and tells the parent exactly what was deleted.
 */
@Component
class DeleteDataAction implements DialogAction {

    private final ParentProfiles profiles;

    DeleteDataAction(ParentProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "parent.delete";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        ParentProfiles.Deleted deleted = profiles.delete(ctx.chat());
        for (String var : ctx.varNames()) {
            ctx.setVar(var, null);
        }
        StringBuilder what = new StringBuilder();
        if (deleted.profile()) {
            what.append("• профиль (район, согласие, настройки уведомлений)\n");
        }
        if (deleted.children() > 0) {
            what.append("• сведения о детях: ").append(deleted.children()).append('\n');
        }
        if (deleted.interests() > 0) {
            what.append("• интересы: ").append(deleted.interests()).append('\n');
        }
        what.append("• история нашего диалога");
        ctx.say(Reply.text(ctx.text("deleted").replace("{deleted}", what.toString())));
        return null;
    }

}
