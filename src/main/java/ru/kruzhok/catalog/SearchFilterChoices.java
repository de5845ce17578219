package ru.kruzhok.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Choice;
import ru.kruzhok.dialog.DialogProvider.Content;
import ru.kruzhok.direction.Direction;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.parent.Ages;
import ru.kruzhok.parent.ParentProfiles;

/** The guided search's questions as buttons: direction, age (the parent's children first), district. */
@Component
class SearchFilterChoices {

    private final ParentProfiles profiles;
    private final ProgramSearch search;
    private final Municipalities municipalities;

    SearchFilterChoices(ParentProfiles profiles, ProgramSearch search, Municipalities municipalities) {
        this.profiles = profiles;
        this.search = search;
        this.municipalities = municipalities;
    }

    /** {@code catalog.directions}: the six directions and «any». */
    Content directions(DialogContext ctx) {
        List<Choice> choices = new ArrayList<>(Arrays.stream(Direction.values())
                .map(d -> new Choice(ctx.text(d.textKey()), d.apiName())).toList());
        choices.add(new Choice(ctx.text("search_any_direction"), ChatSearchQuery.ANY));
        return new Content(null, choices, 2);
    }

    /** {@code catalog.ages}: one button per child from the profile, and «any age»; typing a number works too. */
    Content ages(DialogContext ctx) {
        List<Choice> choices = new ArrayList<>();
        profiles.find(ctx.chat()).ifPresent(p -> p.children().forEach(c -> choices.add(new Choice(
                (c.name() == null ? "" : c.name() + ", ") + Ages.inYears(c.age()), String.valueOf(c.age())))));
        choices.add(new Choice(ctx.text("search_any_age"), ChatSearchQuery.ANY));
        return new Content(null, choices, 1);
    }

    /** {@code catalog.districts}: the districts where the municipality's programs are, and «any». */
    Content districts(DialogContext ctx) {
        List<Choice> choices = new ArrayList<>();
        if (ctx.municipality() == null) {
            // the parent has not said where they live: let them pick the municipality here
            municipalities.all().forEach(m -> choices.add(new Choice(m.name(), "m:" + m.code())));
        } else {
            search.districts(ctx.municipality()).forEach(d -> choices.add(new Choice(d, d)));
        }
        choices.add(new Choice(ctx.text("search_any_district"), ChatSearchQuery.ANY));
        return new Content(null, choices, 2);
    }
}
