package ru.kruzhok.faq;

import java.util.Map;

import ru.kruzhok.municipality.MunicipalPlaceholders;
import ru.kruzhok.municipality.Municipalities;

/** Answer placeholder values from {@code config/application.yml}, as {@link MunicipalPlaceholders} gives them. */
final class ConfiguredMunicipalValues implements MunicipalValues {

    private final MunicipalPlaceholders placeholders;

    ConfiguredMunicipalValues(Municipalities municipalities) {
        this.placeholders = new MunicipalPlaceholders(municipalities);
    }

    @Override
    public Map<String, String> forMunicipality(String code) {
        return placeholders.values(code);
    }
}
