package ru.kruzhok.municipality;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/** The configured municipalities; refuses to start on duplicate or malformed codes. */
@Service
public class Municipalities {

    private final List<Municipality> all;
    private final MunicipalityProperties properties;

    Municipalities(MunicipalityProperties properties) {
        this.properties = properties;
        this.all = properties.municipalities();
        Set<String> seen = new HashSet<>();
        for (Municipality m : all) {
            if (m.code() == null || !m.code().matches("[a-z0-9_-]{1,20}")) {
                throw new IllegalStateException("kruzhok.municipalities: code '" + m.code()
                        + "' must be 1-20 lower-case latin letters, digits, '-' or '_'");
            }
            if (!seen.add(m.code())) {
                throw new IllegalStateException("kruzhok.municipalities: code '" + m.code() + "' is used twice");
            }
        }
    }

    public List<Municipality> all() {
        return all;
    }

    public Optional<Municipality> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return all.stream().filter(m -> m.code().equals(wanted)).findFirst();
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    /** The Navigator address for a municipality, falling back to the region's. */
    public String navigatorUrl(String code) {
        return find(code).map(Municipality::navigatorUrl).filter(u -> u != null && !u.isBlank())
                .orElse(properties.navigatorUrl());
    }

    public String regionName() {
        return properties.regionName();
    }

    public String privacyPolicyUrl() {
        return properties.privacyPolicyUrl();
    }
}
