package ru.kruzhok.parent;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/** {@code parent.summary}: {profile.municipality}, {profile.children}, {profile.interests}, {profile.notifications}. */
@Component
class ProfileSummary implements DialogProvider {

    private final ParentProfiles profiles;
    private final Municipalities municipalities;

    ProfileSummary(ParentProfiles profiles, Municipalities municipalities) {
        this.profiles = profiles;
        this.municipalities = municipalities;
    }

    @Override
    public String name() {
        return "parent.summary";
    }

    @Override
    public Content provide(DialogContext ctx) {
        String none = ctx.text("profile.none");
        String municipality = municipalities.find(ctx.municipality()).map(Municipality::name).map(Markup::escape).orElse(none);
        return profiles.find(ctx.chat()).map(p -> Content.of(Map.of(
                "profile.municipality", municipality,
                "profile.children", p.children().isEmpty() ? none : p.children().stream()
                        .map(c -> (c.name() == null ? "" : Markup.escape(c.name()) + ", ") + c.age() + " " + years(c.age()))
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

    /** «год», «года», «лет» for an age. */
    static String years(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "лет";
        }
        return mod10 == 1 ? "год" : (mod10 >= 2 && mod10 <= 4) ? "года" : "лет";
    }
}
