package ru.kruzhok.municipality;

import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.PlaceholderSource;

/**
 * The municipal values every text may use: {moc.name}, {moc.address}, {moc.email}, {moc.phones},
 * {moc.hours}, {municipality.name}, {certificate.value}, {certificate.period},
 * {certificate.age-from}, {certificate.age-to}, {navigator.url}, {region.name}, {privacy.url}.
 * For a parent whose municipality is unknown yet, the region's one municipality (if only one is
 * configured) or a neutral phrase is used.
 */
@Component
class MunicipalityPlaceholders implements PlaceholderSource {

    private final Municipalities municipalities;

    MunicipalityPlaceholders(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public Optional<String> value(String name, DialogContext ctx) {
        Optional<Municipality> m = municipalities.find(ctx.municipality())
                .or(() -> municipalities.all().size() == 1 ? Optional.of(municipalities.all().get(0)) : Optional.empty());
        return switch (name) {
            case "navigator.url" -> Optional.ofNullable(municipalities.navigatorUrl(m.map(Municipality::code).orElse(null)));
            case "region.name" -> Optional.ofNullable(municipalities.regionName()).map(Markup::escape);
            case "privacy.url" -> Optional.ofNullable(municipalities.privacyPolicyUrl());
            case "municipality.name" -> Optional.of(m.map(x -> Markup.escape(x.name())).orElse("ваш район"));
            case "moc.name" -> Optional.of(m.map(x -> Markup.escape(x.mocName())).orElse("муниципальный опорный центр вашего района"));
            case "moc.address" -> m.map(x -> Markup.escape(x.address()));
            case "moc.email" -> m.map(Municipality::email);
            case "moc.hours" -> m.map(x -> Markup.escape(x.workingHours()));
            case "moc.phones" -> m.map(x -> x.contacts().stream()
                    .map(c -> Markup.escape(c.role() + ": " + c.name() + ", " + c.phone()))
                    .collect(Collectors.joining("\n")));
            case "certificate.value" -> m.map(x -> x.certificate() == null ? null : Markup.escape(x.certificate().value()));
            case "certificate.period" -> m.map(x -> x.certificate() == null ? null : Markup.escape(x.certificate().period()));
            case "certificate.age-from" -> m.map(x -> x.certificate() == null ? null : String.valueOf(x.certificate().ageFrom()));
            case "certificate.age-to" -> m.map(x -> x.certificate() == null ? null : String.valueOf(x.certificate().ageTo()));
            default -> Optional.empty();
        };
    }
}
