package ru.kruzhok.staff;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContext;

/**
 * The production flood limit on the shared test application, for a test about floods (the test
 * configuration raises it so conversation tests can step as fast as the bot answers). Close it to
 * put the test limit back.
 */
public final class RealFloodLimit implements AutoCloseable {

    private final FloodControl flood;

    private RealFloodLimit(FloodControl flood) {
        this.flood = flood;
        flood.limit(defaults());
    }

    public static RealFloodLimit on(ApplicationContext context) {
        return new RealFloodLimit(context.getBean(FloodControl.class));
    }

    /** FloodProperties as production binds them with no kruzhok.flood settings. */
    static FloodProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("kruzhok.flood", FloodProperties.class);
    }

    @Override
    public void close() {
        flood.limit(null);
    }
}
