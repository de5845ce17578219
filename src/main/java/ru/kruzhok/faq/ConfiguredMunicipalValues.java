package ru.kruzhok.faq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import ru.kruzhok.channel.Markup;
import ru.kruzhok.municipality.Municipalities;
import ru.kruzhok.municipality.Municipality;

/**
 * Placeholder values from {@code config/application.yml}. When the municipality is unknown (a parent
 * who has not chosen one yet, an API call without it) the answers still read naturally: neutral words
 * instead of one district's figures, and for ages the region's widest configured range.
 */
final class ConfiguredMunicipalValues implements MunicipalValues {

    private final Municipalities municipalities;

    ConfiguredMunicipalValues(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public Map<String, String> forMunicipality(String code) {
        Map<String, String> v = neutral();
        Optional<Municipality> found = municipalities.find(code);
        found.ifPresent(m -> {
            Municipality.Certificate c = m.certificate();
            if (c != null) {
                putIfSet(v, "certificate.value", c.value());
                putIfSet(v, "certificate.period", c.period());
                if (c.ageFrom() != null) {
                    v.put("certificate.ageFrom", c.ageFrom().toString());
                }
                if (c.ageTo() != null) {
                    v.put("certificate.ageTo", c.ageTo().toString());
                }
            }
            putIfSet(v, "moc.name", m.mocName());
            putIfSet(v, "moc.address", m.address());
            putIfSet(v, "moc.email", m.email());
            putIfSet(v, "moc.hours", m.workingHours());
            if (!m.contacts().isEmpty()) {
                v.put("moc.phones", Markup.escape(m.contacts().stream()
                        .map(p -> "• " + join(p.role(), p.name()) + ": " + p.phone())
                        .collect(Collectors.joining("\n"))));
            }
        });
        String url = municipalities.navigatorUrl(code);
        if (url != null && !url.isBlank()) {
            v.put("navigator.url", Markup.escape(url));
        }
        return v;
    }

    private Map<String, String> neutral() {
        Map<String, String> v = new HashMap<>();
        v.put("certificate.value", "сумма, которую ежегодно устанавливает ваш муниципалитет (уточните в МОЦ)");
        v.put("certificate.period", "текущий учебный год");
        List<Municipality.Certificate> certs = municipalities.all().stream().map(Municipality::certificate)
                .filter(Objects::nonNull).toList();
        v.put("certificate.ageFrom", String.valueOf(certs.stream().map(Municipality.Certificate::ageFrom)
                .filter(Objects::nonNull).mapToInt(Integer::intValue).min().orElse(5)));
        v.put("certificate.ageTo", String.valueOf(certs.stream().map(Municipality.Certificate::ageTo)
                .filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(17)));
        v.put("navigator.url", "сайт Навигатора вашего региона");
        v.put("moc.name", "МОЦ вашего района");
        v.put("moc.address", "адрес покажу, когда вы выберете свой район");
        v.put("moc.email", "покажу, когда вы выберете свой район");
        v.put("moc.hours", "обычно в будние дни");
        v.put("moc.phones", "телефоны МОЦ покажу, когда вы выберете свой район");
        return v;
    }

    private static void putIfSet(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, Markup.escape(value.strip()));
        }
    }

    private static String join(String role, String name) {
        if (role == null || role.isBlank()) {
            return name == null ? "" : name;
        }
        return name == null || name.isBlank() ? role : role + " " + name;
    }
}
