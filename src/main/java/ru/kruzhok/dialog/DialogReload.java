package ru.kruzhok.dialog;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-reads everything under {@code dialogs/} without a restart: the flows and texts, and every
 * feature's {@link ReloadableContent} (FAQ, surveys). All of it is validated before any of it is
 * used; one broken file keeps all the old versions running and the problem is reported back.
 */
@Component
public class DialogReload {

    private static final Logger log = LoggerFactory.getLogger(DialogReload.class);

    /**
     * @param ok       true when everything was reloaded
     * @param version  the flows' version in use afterwards
     * @param problem  file, line and problem when refused, else null
     * @param reloaded what was reloaded, one line per part (empty when refused)
     */
    public record Result(boolean ok, String version, String problem, List<String> reloaded) {
    }

    private final DialogRegistry registry;
    private final List<ReloadableContent> contents;

    DialogReload(DialogRegistry registry, List<ReloadableContent> contents) {
        this.registry = registry;
        this.contents = List.copyOf(contents);
    }

    public synchronized Result reloadAll() {
        List<ReloadableContent.Staged> staged = new ArrayList<>();
        try {
            staged.add(registry.stage());
            for (ReloadableContent content : contents) {
                staged.add(content.stage());
            }
        } catch (RuntimeException e) {
            log.warn("Dialogs not reloaded: {}", e.getMessage());
            return new Result(false, registry.version(), e.getMessage(), List.of());
        }
        staged.forEach(ReloadableContent.Staged::apply);
        List<String> reloaded = staged.stream().map(ReloadableContent.Staged::summary).toList();
        log.info("Dialogs reloaded, version {}: {}", registry.version(), reloaded);
        return new Result(true, registry.version(), null, reloaded);
    }
}
