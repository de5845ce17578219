package ru.kruzhok.municipality;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipalities section of config/application.yml, plus region-wide settings: the personal
 * data policy link shown at consent and the regional Navigator used when a municipality names none.
 */
@ConfigurationProperties("kruzhok")
record MunicipalityProperties(List<Municipality> municipalities, String regionName, String navigatorUrl,
                              String privacyPolicyUrl) {
    MunicipalityProperties {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }
}
