package ru.kruzhok.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MunicipalitiesTest {

    private static Municipality named(String code) {
        return new Municipality(code, "Район " + code, "МОЦ", "адрес", "e@x.ru", List.of(), "9-18", null,
                new Municipality.Certificate("5 000 ₽", "2026/27", 5, 17), null);
    }

    @Test
    void findsByCodeIgnoringCaseAndFallsBackToTheRegionalNavigator() {
        Municipalities m = new Municipalities(new MunicipalityProperties(List.of(named("tsentr")), "Область",
                "https://navigator.example", "https://policy"));
        assertThat(m.find(" TSENTR ")).isPresent();
        assertThat(m.find("nowhere")).isEmpty();
        assertThat(m.navigatorUrl("tsentr")).isEqualTo("https://navigator.example");
    }

    @Test
    void refusesDuplicateCodes() {
        assertThatThrownBy(() -> new Municipalities(new MunicipalityProperties(List.of(named("a"), named("a")),
                null, null, null))).hasMessageContaining("used twice");
    }

    @Test
    void refusesCodesThatCannotGoIntoADeepLink() {
        assertThatThrownBy(() -> new Municipalities(new MunicipalityProperties(List.of(named("Центр")),
                null, null, null))).hasMessageContaining("lower-case latin");
    }
}
