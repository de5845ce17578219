package ru.kruzhok.parent;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;
import ru.kruzhok.direction.Direction;

/** {@code parent.interests}: the six directions as toggles, ✅ on the chosen ones. */
@Component
class InterestChoices implements DialogProvider {

    private final ParentProfiles profiles;

    InterestChoices(ParentProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "parent.interests";
    }

    @Override
    public Content provide(DialogContext ctx) {
        Set<String> chosen = profiles.find(ctx.chat()).map(p -> p.interests()).orElseGet(HashSet::new);
        return new Content(null, Direction.apiNameList().stream()
                .map(code -> new Choice((chosen.contains(code) ? "✅ " : "") + ctx.text("direction." + code), code))
                .toList(), 2);
    }
}
