package ru.kruzhok.catalog;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a program takes place. */
public enum ProgramFormat {
    IN_PERSON("in_person", "Очно"),
    REMOTE("remote", "Дистанционно"),
    MIXED("mixed", "Смешанно");

    private final String apiName;
    private final String title;

    ProgramFormat(String apiName, String title) {
        this.apiName = apiName;
        this.title = title;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    public String title() {
        return title;
    }

    static ProgramFormat fromApiName(String value) {
        for (ProgramFormat f : values()) {
            if (f.apiName.equals(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format " + value);
    }

    /** «очно», «очная», «дистанционно», «онлайн», «смешанная», «очно-заочная»…; empty means in person. */
    static Optional<ProgramFormat> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(IN_PERSON);
        }
        String text = value.strip().toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
        if (text.contains("смеш") || text.contains("очно-") || text.contains("заочн") && text.contains("очн")
                || text.contains("комбин") || text.contains("с применением дистанц")) {
            return Optional.of(MIXED);
        }
        if (text.startsWith("дистан") || text.contains("онлайн") || text.contains("online")
                || text.startsWith("заочн") || text.equals("remote")) {
            return Optional.of(REMOTE);
        }
        if (text.startsWith("очн") || text.equals("in_person")) {
            return Optional.of(IN_PERSON);
        }
        if (text.equals("mixed")) {
            return Optional.of(MIXED);
        }
        return Optional.empty();
    }
}
