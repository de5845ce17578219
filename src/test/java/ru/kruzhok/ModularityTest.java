package ru.kruzhok;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The features are modules: no cycles between them, and none reaches into another's internals. */
class ModularityTest {

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirPublicSurfaceAndWithoutCycles() {
        ApplicationModules.of(KruzhokApplication.class).verify();
    }
}
