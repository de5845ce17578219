package ru.kruzhok.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import ru.kruzhok.dialog.TextTemplates;

class MunicipalPlaceholdersTest {

    private static final String HANDOVER = """
            Я не нашёл точного ответа на этот вопрос 🙈 Передать его специалисту {moc.name}? Ответ придёт сюда же.
            Специалисты работают: {moc.hours}.""";

    private static Municipality district(String code, String moc, String hours, int ageFrom, int ageTo) {
        return new Municipality(code, code, moc, "ул. Ленина 5", "moc@example.ru",
                List.of(new Municipality.Contact("Методист", "Ольга", "+7 900 100-20-30")), hours,
                null, new Municipality.Certificate("5 000 ₽", "2026 год", ageFrom, ageTo), null);
    }

    private final MunicipalPlaceholders placeholders = new MunicipalPlaceholders(new Municipalities(
            new MunicipalityProperties(List.of(district("tsentr", "МОЦ Центрального района", "пн–пт 9:00–18:00", 5, 17),
                    district("zarechny", "МОЦ Заречного округа", "пн–чт 8:30–17:30", 6, 18)),
                    "Примерная область", "https://navigator.example", "https://example.ru/privacy")));

    @Test
    void aParentWithNoDistrictYetReadsANaturalSentenceAndNoEmptyHours() {
        String text = TextTemplates.fill(HANDOVER, placeholders.values(null)::get);
        assertThat(text).isEqualTo("Я не нашёл точного ответа на этот вопрос 🙈 Передать его специалисту МОЦ вашего района? "
                + "Ответ придёт сюда же.");
    }

    @Test
    void aParentOfADistrictGetsItsOwnValues() {
        String text = TextTemplates.fill(HANDOVER, placeholders.values("zarechny")::get);
        assertThat(text).contains("специалисту МОЦ Заречного округа?").endsWith("Специалисты работают: пн–чт 8:30–17:30.");
        assertThat(placeholders.value("certificate.ageFrom", "zarechny")).contains("6");
    }

    @Test
    void withNoDistrictTheAgesAreTheRegionsWidestRange() {
        assertThat(placeholders.value("certificate.ageFrom", null)).contains("5");
        assertThat(placeholders.value("certificate.ageTo", null)).contains("18");
        assertThat(placeholders.value("certificate.age-from", null)).as("the old spelling is no placeholder").isEmpty();
    }

    @Test
    void aNavigatorAddressConfiguredInPunycodeIsShownAsPeopleReadIt() {
        MunicipalPlaceholders punycode = new MunicipalPlaceholders(new Municipalities(new MunicipalityProperties(
                List.of(district("tsentr", "МОЦ Центрального района", "пн–пт 9:00–18:00", 5, 17)),
                "Примерная область", "https://xn--80aafey1amqq.xn--d1acj3b/catalog?x=1", null)));
        assertThat(punycode.value("navigator.url", "tsentr")).contains("https://навигатор.дети/catalog?x=1");
        assertThat(punycode.value("navigator.url", null)).contains("https://навигатор.дети/catalog?x=1");
    }
}
