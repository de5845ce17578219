package ru.kruzhok.catalog;

import java.util.Collection;
import java.util.List;
import ru.kruzhok.direction.Direction;

/**
 * What a parent (or the API) looks for. Every field is optional; null means "any". Build with
 * {@link #all()} and the {@code with…} methods.
 *
 * @param text          free text, matched by PostgreSQL full text search with typo tolerance
 * @param age           the child's age: a program matches when ageFrom ≤ age ≤ ageTo
 * @param district      the organisation's district, exact (as {@link ProgramSearch#districts} lists it)
 * @param ovz           true: only programs suitable for children with disabilities
 * @param ids           only these program ids (e.g. "which of the newly imported programs match")
 * @param page          0-based page
 */
public record ProgramQuery(
        String text,
        Direction direction,
        Integer age,
        String municipality,
        String district,
        CostType cost,
        Boolean ovz,
        List<Long> ids,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 5;

    public ProgramQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        district = district == null || district.isBlank() ? null : district.strip();
        municipality = municipality == null || municipality.isBlank() ? null : municipality.strip();
        ovz = Boolean.TRUE.equals(ovz) ? Boolean.TRUE : null;
        ids = ids == null ? null : List.copyOf(ids);
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : size;
    }

    /** Everything active, first page of five. */
    public static ProgramQuery all() {
        return new ProgramQuery(null, null, null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    public ProgramQuery withText(String value) {
        return new ProgramQuery(value, direction, age, municipality, district, cost, ovz, ids, page, size);
    }

    public ProgramQuery withDirection(Direction value) {
        return new ProgramQuery(text, value, age, municipality, district, cost, ovz, ids, page, size);
    }

    public ProgramQuery withAge(Integer value) {
        return new ProgramQuery(text, direction, value, municipality, district, cost, ovz, ids, page, size);
    }

    public ProgramQuery withMunicipality(String value) {
        return new ProgramQuery(text, direction, age, value, district, cost, ovz, ids, page, size);
    }

    public ProgramQuery withDistrict(String value) {
        return new ProgramQuery(text, direction, age, municipality, value, cost, ovz, ids, page, size);
    }

    public ProgramQuery withCost(CostType value) {
        return new ProgramQuery(text, direction, age, municipality, district, value, ovz, ids, page, size);
    }

    public ProgramQuery withOvz(Boolean value) {
        return new ProgramQuery(text, direction, age, municipality, district, cost, value, ids, page, size);
    }

    public ProgramQuery withIds(Collection<Long> value) {
        return new ProgramQuery(text, direction, age, municipality, district, cost, ovz,
                value == null ? null : List.copyOf(value), page, size);
    }

    public ProgramQuery withPage(int value, int pageSize) {
        return new ProgramQuery(text, direction, age, municipality, district, cost, ovz, ids, value, pageSize);
    }

    /** This query without one filter: what "relax that filter" would search for. */
    public ProgramQuery without(SearchFilter filter) {
        return switch (filter) {
            case TEXT -> withText(null);
            case DIRECTION -> withDirection(null);
            case AGE -> withAge(null);
            case DISTRICT -> withDistrict(null);
            case COST -> withCost(null);
            case OVZ -> withOvz(null);
        };
    }

    /** Whether this query uses a filter, i.e. whether relaxing it could change anything. */
    public boolean uses(SearchFilter filter) {
        return switch (filter) {
            case TEXT -> text != null;
            case DIRECTION -> direction != null;
            case AGE -> age != null;
            case DISTRICT -> district != null;
            case COST -> cost != null;
            case OVZ -> ovz != null;
        };
    }
}
