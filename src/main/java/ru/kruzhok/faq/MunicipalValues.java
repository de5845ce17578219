package ru.kruzhok.faq;

import java.util.Map;

/** The values of the answer placeholders for one municipality (or neutral ones when it is unknown). */
@FunctionalInterface
interface MunicipalValues {

    /** @param municipalityCode the parent's municipality, or null when we do not know it yet */
    Map<String, String> forMunicipality(String municipalityCode);
}
