package ru.kruzhok.parent;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;
import ru.kruzhok.municipality.Municipalities;

/** {@code municipality.choices}: one button per configured municipality. */
@Component
class MunicipalityChoices implements DialogProvider {

    private final Municipalities municipalities;

    MunicipalityChoices(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public String name() {
        return "municipality.choices";
    }

    @Override
    public Content provide(DialogContext context) {
        return new Content(null, municipalities.all().stream().map(m -> new Choice(m.name(), m.code())).toList(), 1);
    }
}
