package ru.kruzhok.parent;

import java.util.List;

/** The six directions of additional education, by their API codes (labels live in dialogs/texts.yaml). */
final class Directions {
    static final List<String> CODES = List.of("technical", "science", "arts", "sports", "tourism", "social");

    private Directions() {
    }
}
