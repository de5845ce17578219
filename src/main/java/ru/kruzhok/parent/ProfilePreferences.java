package ru.kruzhok.parent;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Choice;
import ru.kruzhok.dialog.DialogProvider.Content;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;

/** What a parent chooses in the settings: the municipality, the directions of interest, notifications. */
@Component
class ProfilePreferences {

    private final ParentProfiles profiles;
    private final Municipalities municipalities;

    ProfilePreferences(ParentProfiles profiles, Municipalities municipalities) {
        this.profiles = profiles;
        this.municipalities = municipalities;
    }

    /** {@code municipality.choices}: one button per configured municipality. */
    Content municipalityChoices(DialogContext ctx) {
        return new Content(null, municipalities.all().stream().map(m -> new Choice(m.name(), m.code())).toList(), 1);
    }

    /** {@code parent.municipality}: stores the chosen municipality (checked against config, never trusted). */
    String chooseMunicipality(DialogContext ctx) {
        var chosen = municipalities.find(ctx.value());
        if (chosen.isEmpty()) {
            return DialogAction.RETRY;
        }
        ctx.setVar("municipality", chosen.get().code());
        profiles.setMunicipality(ctx.chat(), chosen.get().code());
        return null;
    }

    /** {@code parent.interests}: the six directions as toggles, ✅ on the chosen ones. */
    Content interestChoices(DialogContext ctx) {
        Set<String> chosen = profiles.find(ctx.chat()).map(p -> p.interests()).orElseGet(HashSet::new);
        return new Content(null, Direction.apiNameList().stream()
                .map(code -> new Choice((chosen.contains(code) ? "✅ " : "") + ctx.text("direction." + code), code))
                .toList(), 2);
    }

    /** {@code parent.interest}: switches one direction of interest on or off. */
    String toggleInterest(DialogContext ctx) {
        if (Direction.fromApiName(ctx.value()).isPresent()) {
            profiles.toggleInterest(ctx.chat(), ctx.value());
        }
        return null;
    }

    /** {@code parent.notifications on|off}: also used by /stop. */
    String notifications(DialogContext ctx, String onOrOff) {
        boolean on = "on".equals(onOrOff);
        ctx.setVar("notifications", on ? "on" : "off");
        profiles.setNotifications(ctx.chat(), on);
        return null;
    }
}
