package ru.kruzhok.survey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogFileException;
import ru.kruzhok.dialog.ReloadableContent;

/**
 * The surveys in use, read and checked at start: a broken survey file stops start-up with the file,
 * line and problem, as a broken flow does. /reload re-reads them; a broken file keeps the old ones.
 * Responses refer to surveys and questions by id, so a reload never touches answers already given.
 */
@Component
public class SurveyCatalog implements ReloadableContent {

    private static final Logger log = LoggerFactory.getLogger(SurveyCatalog.class);

    private final SurveyProperties properties;
    private volatile Map<String, Survey> surveys;

    SurveyCatalog(SurveyProperties properties) {
        this.properties = properties;
        this.surveys = load(properties.dir());
        log.info("Surveys loaded: {}", surveys.keySet());
    }

    @Override
    public Staged stage() {
        Map<String, Survey> loaded = load(properties.dir());
        return new Staged() {
            @Override
            public String summary() {
                return "опросы: " + loaded.size();
            }

            @Override
            public void apply() {
                surveys = loaded;
                log.info("Surveys reloaded: {}", loaded.keySet());
            }
        };
    }

    private static Map<String, Survey> load(Path dir) {
        SurveyLoader loader = new SurveyLoader();
        Map<String, Survey> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : read(dir).entrySet()) {
            Survey s = loader.load(file.getKey(), file.getValue());
            if (loaded.containsKey(s.id())) {
                throw new DialogFileException(file.getKey(), 1, "the survey id '" + s.id() + "' is already used in "
                        + loaded.get(s.id()).file());
            }
            loaded.put(s.id(), s);
        }
        return Map.copyOf(loaded);
    }

    public Optional<Survey> find(String id) {
        return Optional.ofNullable(surveys.get(id));
    }

    public Collection<Survey> all() {
        return surveys.values().stream().sorted(Comparator.comparing(Survey::id)).toList();
    }

    /** File name → content, sorted by name. */
    private static Map<String, String> read(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path p : paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted().toList()) {
                    out.put("dialogs/surveys/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new DialogFileException(dir.toString(), 1, "cannot read the surveys folder: " + e.getMessage());
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        try {
            List<Resource> resources = new ArrayList<>(List.of(
                    new PathMatchingResourcePatternResolver().getResources("classpath:dialogs/surveys/*.yaml")));
            resources.sort(Comparator.comparing(Resource::getFilename));
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    out.put("dialogs/surveys/" + r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return out;
        } catch (IOException e) {
            throw new DialogFileException("dialogs/surveys", 1, "cannot read the packaged surveys: " + e.getMessage());
        }
    }
}
