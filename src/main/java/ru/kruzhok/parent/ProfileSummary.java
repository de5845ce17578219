package ru.kruzhok.parent;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Content;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/** {@code parent.summary}: {profile.municipality}, {profile.children}, {profile.interests}, {profile.notifications}. */
@Component
class ProfileSummary {

    private final ParentProfiles profiles;
    private final Municipalities municipalities;

    ProfileSummary(ParentProfiles profiles, Municipalities municipalities) {
        this.profiles = profiles;
        this.municipalities = municipalities;
    }

    Content summary(DialogContext ctx) {
        String none = ctx.text("profile.none");
        String municipality = municipalities.find(ctx.municipality()).map(Municipality::name).map(Markup::escape).orElse(none);
        return profiles.find(ctx.chat()).map(p -> Content.of(Map.of(
                "profile.municipality", municipality,
                "profile.children", p.children().isEmpty() ? none : p.children().stream()
                        .map(c -> (c.name() == null ? "" : Markup.escape(c.name()) + ", ") + Ages.inYears(c.age()))
                        .collect(Collectors.joining("; ")),
                "profile.interests", p.interests().isEmpty() ? none : p.interests().stream()
                        .map(code -> Direction.fromApiName(code).map(d -> ctx.text(d.textKey())).orElse(code)).collect(Collectors.joining(", ")),
                "profile.notifications", ctx.text(p.notifications() ? "profile.notifications-on" : "profile.notifications-off"))))
                .orElseGet(() -> Content.of(Map.of(
                        "profile.municipality", municipality,
                        "profile.children", ctx.text("profile.no-consent"),
                        "profile.interests", none,
                        "profile.notifications", ctx.text("profile.notifications-off"))));
    }
}
