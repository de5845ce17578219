package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.municipality.Municipalities;

/**
 * What the chat keeps about a parent, from the consent to keep it ({@code parent.consent}) to
 * deleting all of it on request ({@code parent.delete}).
 */
@Component
class PersonalData {

    private final ParentProfiles profiles;
    private final Municipalities municipalities;

    PersonalData(ParentProfiles profiles, Municipalities municipalities) {
        this.profiles = profiles;
        this.municipalities = municipalities;
    }

    /**
     * {@code parent.consent yes|no}. «Yes» creates the profile; «no» keeps the bot usable without
     * storing anything. Outcomes: {@code declined}; {@code has_municipality} when a deep link
     * ({@code /start m_<code>}) already told us the municipality, so the flow can skip that question.
     */
    String consent(DialogContext ctx, String answer) {
        String linked = ctx.var("municipality_link");
        if (linked != null && municipalities.exists(linked)) {
            ctx.setVar("municipality", municipalities.find(linked).orElseThrow().code());
        }
        ctx.setVar("municipality_link", null);
        // Seen the consent screen: from now on /start opens the main menu, whatever was chosen.
        ctx.setVar("onboarded", "yes");
        if (!"yes".equals(answer)) {
            ctx.setVar("consent", "no");
            return "declined";
        }
        ctx.setVar("consent", "yes");
        profiles.consent(ctx.chat());
        if (ctx.municipality() != null) {
            profiles.setMunicipality(ctx.chat(), ctx.municipality());
            return "has_municipality";
        }
        return null;
    }

    /**
     * {@code parent.delete}: deletes the profile, children, interests and the conversation's memory,
     * and tells the parent exactly what was deleted.
     */
    String delete(DialogContext ctx) {
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
