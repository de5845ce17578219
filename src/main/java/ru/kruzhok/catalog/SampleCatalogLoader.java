package ru.kruzhok.catalog;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * On the first start (no program ever imported) loads the bundled synthetic catalog through the real
 * import path, so a fresh install can be tried at once. A few hundred rows: well under a second.
 * Two instances starting together may both load it; the upsert makes the second a no-op.
 */
@Component
class SampleCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleCatalogLoader.class);

    private final CatalogProperties properties;
    private final ProgramImport programImport;
    private final ResourceLoader resources;

    SampleCatalogLoader(CatalogProperties properties, ProgramImport programImport, ResourceLoader resources) {
        this.properties = properties;
        this.programImport = programImport;
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.loadSample()) {
            return;
        }
        Resource sample = resources.getResource(properties.sample());
        byte[] content;
        try (InputStream in = sample.getInputStream()) {
            content = in.readAllBytes();
        }
        programImport.importIfEmpty(sample.getFilename(), content).ifPresent(result -> {
            if (result.rejected().isEmpty()) {
                log.info("The catalog was empty: loaded the sample catalog {}", properties.sample());
            } else {
                // Typically a deployment whose config/ names other municipalities than the sample's.
                log.warn("The catalog is empty and the sample catalog {} was refused: {} rows rejected, the first: "
                                + "row {}: {}. Import your catalog (POST /api/admin/programs/import or /import in Telegram).",
                        properties.sample(), result.rejected().size(), result.rejected().get(0).row(),
                        result.rejected().get(0).reason());
            }
        });
    }
}
