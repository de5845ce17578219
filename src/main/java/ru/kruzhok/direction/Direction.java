package ru.kruzhok.direction;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The six directions (направленности) every Navigator program has, defined here once for the
 * catalog, parents' interests, broadcasts and events. Older documents say
 * «социально-педагогическая» for what is now «социально-гуманитарная»: both are {@link #SOCIAL}.
 * Parents see the short label of {@link #textKey()} from dialogs/texts.yaml («Спорт»), staff
 * files and reports the official {@link #title()}; {@link #parse} reads both and everyday words.
 */
public enum Direction {
    TECHNICAL("technical", "Техническая", "техническ", "техник"),
    SCIENCE("science", "Естественнонаучная", "естественнонаучн", "естественно-научн", "естественн", "наук",
            "научн"),
    ARTS("arts", "Художественная", "художествен", "творчеств", "искусств"),
    SPORTS("sports", "Физкультурно-спортивная", "физкультурно-спортивн", "физкультурн", "спортивн", "спорт"),
    TOURISM("tourism", "Туристско-краеведческая", "туристско-краеведческ", "туристск", "краеведческ", "туризм",
            "краеведени"),
    SOCIAL("social", "Социально-гуманитарная", "социально-гуманитарн", "социально-педагогическ",
            "социальн", "гуманитарн", "педагогическ");

    private final String apiName;
    private final String title;
    private final String[] russianStems;

    Direction(String apiName, String title, String... russianStems) {
        this.apiName = apiName;
        this.title = title;
        this.russianStems = russianStems;
    }

    /** The name in the HTTP API and the database ("technical"). */
    @JsonValue
    public String apiName() {
        return apiName;
    }

    /** The Russian name parents and staff see («Техническая»). */
    public String title() {
        return title;
    }

    /** The key of the parents' label in dialogs/texts.yaml («direction.sports» → «Спорт»). */
    public String textKey() {
        return "direction." + apiName;
    }

    /** The API names in the order menus show them. */
    public static List<String> apiNameList() {
        return Arrays.stream(values()).map(Direction::apiName).toList();
    }

    public static Optional<Direction> fromApiName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.apiName.equals(wanted)).findFirst();
    }

    /**
     * Reads a direction as a spreadsheet writes it: «Техническая», «техническая направленность»,
     * «Социально-педагогическая», or the API name.
     */
    public static Optional<Direction> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Direction> api = fromApiName(value);
        if (api.isPresent()) {
            return api;
        }
        String text = value.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replace('–', '-')
                .replaceAll("\\s*-\\s*", "-");
        // Longest stems first would matter only for overlapping stems; the order below is specific-first.
        for (Direction d : values()) {
            if (text.startsWith(d.russianStems[0])) {
                return Optional.of(d);
            }
        }
        for (Direction d : values()) {
            for (String stem : d.russianStems) {
                if (text.startsWith(stem)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    /** «техническая, естественнонаучная, … или социально-гуманитарная», for messages to staff. */
    public static String titlesInWords() {
        List<String> titles = Arrays.stream(values()).map(d -> d.title.toLowerCase(Locale.ROOT)).toList();
        return String.join(", ", titles.subList(0, titles.size() - 1)) + " или " + titles.get(titles.size() - 1);
    }

    public static String apiNames() {
        return String.join(", ", Arrays.stream(values()).map(Direction::apiName).toList());
    }
}
