package ru.kruzhok.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** The filters a parent may be asked to relax when a search finds nothing (municipality is never relaxed). */
public enum SearchFilter {
    TEXT("q"), DIRECTION("direction"), AGE("age"), DISTRICT("district"), COST("cost"), OVZ("ovz");

    private final String apiName;

    SearchFilter(String apiName) {
        this.apiName = apiName;
    }

    /** The query parameter of GET /api/programs this filter comes from. */
    @JsonValue
    public String apiName() {
        return apiName;
    }
}
