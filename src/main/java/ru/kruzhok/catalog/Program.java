package ru.kruzhok.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import ru.kruzhok.direction.Direction;

/**
 * One program of the catalog as parents see it.
 *
 * @param id           our id: short and stable, fit for a button payload
 * @param externalId   the Navigator's id, the key of every import
 * @param price        rubles, when the program names one (paid programs, sometimes certified ones)
 * @param placesTotal  null when the Navigator export does not say
 * @param url          the program's page in the Navigator, where a parent applies
 * @param ovz          suitable for children with disabilities (ОВЗ)
 * @param active       false once the program dropped out of a full import
 */
public record Program(
        long id,
        String externalId,
        String title,
        String description,
        Organisation organisation,
        String municipality,
        Direction direction,
        int ageFrom,
        int ageTo,
        ProgramFormat format,
        CostType cost,
        BigDecimal price,
        String schedule,
        Integer placesTotal,
        Integer placesFree,
        String teacher,
        String url,
        boolean ovz,
        boolean active,
        Instant updatedAt) {

    /** The organisation running a program and where it takes place. */
    public record Organisation(String name, String address, String district, String phone) {
    }
}
