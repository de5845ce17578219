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

/**
 * The surveys in use, read and checked at start: a broken survey file stops start-up with the file,
 * line and problem, as a broken flow does.
 */
@Component
public class SurveyCatalog {

    private static final Logger log = LoggerFactory.getLogger(SurveyCatalog.class);

    private final Map<String, Survey> surveys;

    SurveyCatalog(SurveyProperties properties) {
        SurveyLoader loader = new SurveyLoader();
        Map<String, Survey> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : read(properties.dir()).entrySet()) {
            Survey s = loader.load(file.getKey(), file.getValue());
            loaded.put(s.id(), s);
        }
        this.surveys = Map.copyOf(loaded);
        log.info("Surveys loaded: {}", surveys.keySet());
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
                throw new SurveyFileException(dir.toString(), 1, "cannot read the surveys folder: " + e.getMessage());
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
            throw new SurveyFileException("dialogs/surveys", 1, "cannot read the packaged surveys: " + e.getMessage());
        }
    }
}
