package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.municipality.Municipalities;

/**
 * {@code parent.consent yes|no}. «Yes» creates the profile; «no» keeps the bot usable without
 * storing anything. Outcomes: {@code declined}; {@code has_municipality} when a deep link
 * ({@code /start m_<code>}) already told us the municipality, so the flow can skip that question.
 */
@Component
class ConsentAction implements DialogAction {

    private final ParentProfiles profiles;
    private final Municipalities municipalities;

    ConsentAction(ParentProfiles profiles, Municipalities municipalities) {
        this.profiles = profiles;
        this.municipalities = municipalities;
    }

    @Override
    public String name() {
        return "parent.consent";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        String linked = ctx.var("municipality_link");
        if (linked != null && municipalities.exists(linked)) {
            ctx.setVar("municipality", municipalities.find(linked).orElseThrow().code());
        }
        ctx.setVar("municipality_link", null);
        // Seen the consent screen: from now on /start opens the main menu, whatever was chosen.
        ctx.setVar("onboarded", "yes");
        if (!"yes".equals(arg)) {
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
}
