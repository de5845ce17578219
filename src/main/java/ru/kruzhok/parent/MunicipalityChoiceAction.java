package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.municipality.Municipalities;

/** {@code parent.municipality}: stores the chosen municipality (checked against config, never trusted). */
@Component
class MunicipalityChoiceAction implements DialogAction {

    private final ParentProfiles profiles;
    private final Municipalities municipalities;

    MunicipalityChoiceAction(ParentProfiles profiles, Municipalities municipalities) {
        this.profiles = profiles;
        this.municipalities = municipalities;
    }

    @Override
    public String name() {
        return "parent.municipality";
    }

    @Override
    public String run(DialogContext ctx, String arg) {
        var chosen = municipalities.find(ctx.value());
        if (chosen.isEmpty()) {
            return RETRY;
        }
        ctx.setVar("municipality", chosen.get().code());
        profiles.setMunicipality(ctx.chat(), chosen.get().code());
        return null;
    }
}
