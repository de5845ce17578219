package ru.kruzhok.parent;

import java.util.List;
import java.util.Map;

/** The six directions of additional education, by their API codes (button labels live in dialogs/texts.yaml). */
final class Directions {
    static final List<String> CODES = List.of("technical", "science", "arts", "sports", "tourism", "social");

    /**
     * The official Russian names, for exports (the catalog's Direction has them too, but the catalog
     * depends on this feature, so this one cannot depend on the catalog).
     */
    static final Map<String, String> TITLES = Map.of("technical", "Техническая", "science", "Естественнонаучная",
            "arts", "Художественная", "sports", "Физкультурно-спортивная", "tourism", "Туристско-краеведческая",
            "social", "Социально-гуманитарная");

    private Directions() {
    }
}
