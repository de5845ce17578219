package ru.kruzhok.dialog;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where dialogs are read from: {@code dir} in the working directory when it exists (staff edit it
 * and reload), otherwise the copy packaged in the jar.
 */
@ConfigurationProperties("kruzhok.dialogs")
public record DialogProperties(@DefaultValue("./dialogs") Path dir, @DefaultValue("20") int historyDepth) {
}
