package ru.kruzhok.catalog;

import java.math.BigDecimal;
import ru.kruzhok.direction.Direction;

/** One valid row of an import file, ready to be stored. */
record ImportedProgram(
        String externalId,
        String title,
        String description,
        String orgName,
        String address,
        String district,
        String phone,
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
        boolean ovz) {
}
