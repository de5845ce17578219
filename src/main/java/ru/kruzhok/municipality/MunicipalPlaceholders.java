package ru.kruzhok.municipality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.WebAddress;

/**
 * The one set of municipal {placeholders} that bot texts, flows and FAQ answers may use, with one
 * spelling each, and their values for a parent's municipality (in the bot's markup). When the
 * municipality is unknown (a parent who has not chosen one yet, an API call without it) and the
 * region has more than one, the values still read naturally: a phrase that works in the sentence
 * («МОЦ вашего района»), the region's widest age range, and for what has no sensible stand-in (the
 * working hours) an empty value, which drops its sentence (see {@link #fill}).
 */
@Component
public class MunicipalPlaceholders {

    /** Every municipal placeholder, as written in dialogs/ without braces. */
    public static final Set<String> NAMES = Set.of(
            "moc.name", "moc.address", "moc.email", "moc.phones", "moc.hours", "municipality.name",
            "certificate.value", "certificate.period", "certificate.ageFrom", "certificate.ageTo",
            "navigator.url", "region.name", "privacy.url");

    /** Spellings used before there was one, with the one to write now (the validator names it). */
    public static final Map<String, String> OLD_SPELLINGS = Map.of(
            "certificate.age-from", "certificate.ageFrom", "certificate.age-to", "certificate.ageTo");

    private final Municipalities municipalities;

    public MunicipalPlaceholders(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    /** The value of one placeholder; empty when the name is not a municipal placeholder. */
    public Optional<String> value(String name, String municipalityCode) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        Optional<Municipality> m = municipalities.find(municipalityCode)
                .or(() -> municipalities.all().size() == 1 ? Optional.of(municipalities.all().get(0)) : Optional.empty());
        String known = m.map(x -> known(name, x)).orElse(null);
        return Optional.of(known != null ? known : neutral(name, m.map(Municipality::code).orElse(null)));
    }

    /** Every placeholder with its value for the municipality (null: not known yet). */
    public Map<String, String> values(String municipalityCode) {
        Map<String, String> v = new HashMap<>();
        for (String name : NAMES) {
            v.put(name, value(name, municipalityCode).orElse(""));
        }
        return v;
    }

    private String known(String name, Municipality m) {
        Municipality.Certificate c = m.certificate();
        return switch (name) {
            case "municipality.name" -> escaped(m.name());
            case "moc.name" -> escaped(m.mocName());
            case "moc.address" -> escaped(m.address());
            case "moc.email" -> escaped(m.email());
            case "moc.hours" -> escaped(m.workingHours());
            case "moc.phones" -> m.contacts().isEmpty() ? null : Markup.escape(m.contacts().stream()
                    .map(p -> "• " + join(p.role(), p.name()) + ": " + p.phone())
                    .collect(Collectors.joining("\n")));
            case "certificate.value" -> c == null ? null : escaped(c.value());
            case "certificate.period" -> c == null ? null : escaped(c.period());
            case "certificate.ageFrom" -> c == null || c.ageFrom() == null ? null : c.ageFrom().toString();
            case "certificate.ageTo" -> c == null || c.ageTo() == null ? null : c.ageTo().toString();
            default -> null;
        };
    }

    private String neutral(String name, String code) {
        List<Municipality.Certificate> certs = municipalities.all().stream().map(Municipality::certificate)
                .filter(Objects::nonNull).toList();
        return switch (name) {
            case "navigator.url" -> urlOr(WebAddress.forPeople(municipalities.navigatorUrl(code)),
                    "сайт Навигатора вашего региона");
            case "region.name" -> urlOr(municipalities.regionName() == null ? null : Markup.escape(municipalities.regionName()),
                    "ваш регион");
            case "privacy.url" -> urlOr(municipalities.privacyPolicyUrl(), "");
            case "municipality.name" -> "ваш район";
            case "moc.name" -> "МОЦ вашего района";
            case "moc.address" -> "адрес покажу, когда вы выберете свой район";
            case "moc.email" -> "покажу, когда вы выберете свой район";
            case "moc.phones" -> "телефоны МОЦ покажу, когда вы выберете свой район";
            case "certificate.value" -> "сумма, которую ежегодно устанавливает ваш муниципалитет (уточните в МОЦ)";
            case "certificate.period" -> "текущий учебный год";
            case "certificate.ageFrom" -> String.valueOf(certs.stream().map(Municipality.Certificate::ageFrom)
                    .filter(Objects::nonNull).mapToInt(Integer::intValue).min().orElse(5));
            case "certificate.ageTo" -> String.valueOf(certs.stream().map(Municipality.Certificate::ageTo)
                    .filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(17));
            default -> ""; // moc.hours: no stand-in reads well, so its sentence is left out
        };
    }

    private static String urlOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String escaped(String value) {
        return value == null || value.isBlank() ? null : Markup.escape(value.strip());
    }

    private static String join(String role, String name) {
        if (role == null || role.isBlank()) {
            return name == null ? "" : name;
        }
        return name == null || name.isBlank() ? role : role + " " + name;
    }
}
