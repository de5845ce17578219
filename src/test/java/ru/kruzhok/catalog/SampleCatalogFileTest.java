package ru.kruzhok.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The bundled sample catalog is exactly what {@link CatalogGenerator} produces, so the file and
 * its generator cannot drift. To regenerate after changing the generator:
 * {@code mvn test -Dtest=SampleCatalogFileTest -Dcatalog.regenerate=true}.
 */
class SampleCatalogFileTest {

    private static final Path FILE = Path.of("src/main/resources/catalog/sample-catalog.csv");

    @Test
    void bundledSampleIsTheGeneratorsOutput() throws IOException {
        String generated = CatalogGenerator.sample();
        if (Boolean.getBoolean("catalog.regenerate")) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).isEqualTo(generated);
    }

    @Test
    void sampleCoversEveryDirectionCostTypeAndBothMunicipalities() throws IOException {
        String sample = Files.readString(FILE, StandardCharsets.UTF_8);
        assertThat(sample.lines().count() - 1).isBetween(200L, 600L);
        assertThat(sample).contains(";tsentr;", ";zarechny;", "Техническая", "Естественнонаучная", "Художественная",
                "Физкультурно-спортивная", "Туристско-краеведческая", "Социально-гуманитарная",
                "Социально-педагогическая", ";бесплатно;", ";по сертификату;", ";платно;");
    }
}
