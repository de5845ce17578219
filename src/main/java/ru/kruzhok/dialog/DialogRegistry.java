package ru.kruzhok.dialog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogModel.Dialogs;
import ru.kruzhok.dialog.FlowLoader.DialogFile;

/**
 * Holds the dialogs in use. Loads and validates them at start (a broken file stops start-up with
 * file, line and problem) and on {@link #reload()} (a broken file keeps the old dialogs running and
 * the problem is reported back).
 */
@Component
public class DialogRegistry {

    private static final Logger log = LoggerFactory.getLogger(DialogRegistry.class);

    /** The result of a reload: ok with the new version, or the problem. */
    public record ReloadResult(boolean ok, String version, String problem) {
    }

    private final DialogProperties properties;
    private final FlowValidator validator;
    private final DialogContract contract;
    private volatile Dialogs current;

    DialogRegistry(DialogProperties properties, DialogSteps steps, List<DialogUses> uses,
                   List<PlaceholderSource> placeholders) {
        this.properties = properties;
        this.validator = new FlowValidator(steps.actionNames(), steps.providerNames());
        Map<String, String> oldSpellings = new HashMap<>();
        placeholders.forEach(p -> oldSpellings.putAll(p.oldSpellings()));
        this.contract = new DialogContract(uses, placeholders.stream().flatMap(p -> p.names().stream())
                .collect(Collectors.toUnmodifiableSet()), oldSpellings);
        this.current = loadAndValidate();
        log.info("Dialogs loaded: {} flows, {} texts, version {}", current.flows().size(), current.texts().size(),
                current.version());
    }

    Dialogs current() {
        return current;
    }

    public String version() {
        return current.version();
    }

    /** A text by key from the texts file, for features that build replies outside a flow. */
    public String text(String key) {
        return current.text(key);
    }

    /** Reloads the flows and texts only; {@link DialogReload} reloads everything under dialogs/. */
    public synchronized ReloadResult reload() {
        try {
            Dialogs loaded = loadAndValidate();
            current = loaded;
            log.info("Dialogs reloaded, version {}", loaded.version());
            return new ReloadResult(true, loaded.version(), null);
        } catch (DialogFileException e) {
            log.warn("Dialogs not reloaded: {}", e.getMessage());
            return new ReloadResult(false, current.version(), e.getMessage());
        }
    }

    /** Reads and validates the flows for {@link DialogReload}; throws {@link DialogFileException} when broken. */
    ReloadableContent.Staged stage() {
        Dialogs loaded = loadAndValidate();
        return new ReloadableContent.Staged() {
            @Override
            public String summary() {
                return "сценарии: " + loaded.flows().size() + ", тексты: " + loaded.texts().size()
                        + " (версия " + loaded.version() + ")";
            }

            @Override
            public void apply() {
                synchronized (DialogRegistry.this) {
                    current = loaded;
                }
            }
        };
    }

    private Dialogs loadAndValidate() {
        List<DialogFile> files = readFiles();
        List<DialogFile> texts = files.stream().filter(f -> isTexts(f.name())).toList();
        List<DialogFile> flows = files.stream().filter(f -> !isTexts(f.name())).toList();
        Dialogs dialogs = new FlowLoader().load(flows, texts);
        validator.validate(dialogs);
        List<DialogFileException.Problem> problems = contract.check(dialogs);
        if (!problems.isEmpty()) {
            throw new DialogFileException(problems);
        }
        return dialogs;
    }

    private static boolean isTexts(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.startsWith("texts");
    }

    /** Flow folders under dialogs/: parents' flows and texts at the top, staff flows in staff/. */
    static final List<String> FOLDERS = List.of("", "staff/");

    private List<DialogFile> readFiles() {
        Path dir = properties.dir();
        if (Files.isDirectory(dir)) {
            List<DialogFile> out = new ArrayList<>();
            for (String folder : FOLDERS) {
                out.addAll(read(dir, folder));
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return packaged();
    }

    /** The .yaml files of one folder of a dialogs directory, by name; none when the folder is missing. */
    static List<DialogFile> read(Path dir, String folder) {
        Path in = folder.isEmpty() ? dir : dir.resolve(folder);
        if (!Files.isDirectory(in)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(in)) {
            List<DialogFile> out = new ArrayList<>();
            for (Path p : paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                out.add(new DialogFile("dialogs/" + folder + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new DialogFileException(in.toString(), 1, "cannot read the dialogs folder: " + e.getMessage());
        }
    }

    private static List<DialogFile> packaged() {
        try {
            List<DialogFile> out = new ArrayList<>();
            for (String folder : FOLDERS) {
                Resource[] resources = new PathMatchingResourcePatternResolver()
                        .getResources("classpath:dialogs/" + folder + "*.yaml");
                List<DialogFile> files = new ArrayList<>();
                for (Resource r : resources) {
                    try (InputStream in = r.getInputStream()) {
                        files.add(new DialogFile("dialogs/" + folder + r.getFilename(),
                                new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
                files.sort(Comparator.comparing(DialogFile::name));
                out.addAll(files);
            }
            return out;
        } catch (IOException e) {
            throw new DialogFileException("dialogs", 1, "cannot read the packaged dialogs: " + e.getMessage());
        }
    }

    Function<String, String> texts() {
        Dialogs d = current;
        return d::text;
    }
}
