package ru.kruzhok.parent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.PlaceholderSource;
import ru.kruzhok.municipality.MunicipalPlaceholders;

/**
 * The municipal placeholders ({moc.name}, {certificate.ageFrom}, …) in flows and bot texts, for the
 * parent's municipality. It sits here, above both the dialog engine and the municipalities, so that
 * neither knows the other.
 */
@Component
class MunicipalityPlaceholderSource implements PlaceholderSource {

    private final MunicipalPlaceholders placeholders;

    MunicipalityPlaceholderSource(MunicipalPlaceholders placeholders) {
        this.placeholders = placeholders;
    }

    @Override
    public Set<String> names() {
        return MunicipalPlaceholders.NAMES;
    }

    @Override
    public Optional<String> value(String name, DialogContext context) {
        return placeholders.value(name, context.municipality());
    }

    @Override
    public Map<String, String> oldSpellings() {
        return MunicipalPlaceholders.OLD_SPELLINGS;
    }
}
