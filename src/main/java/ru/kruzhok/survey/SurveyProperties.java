package ru.kruzhok.survey;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where survey files are read from: {@code dir} when it exists, otherwise the copy packaged in the jar. */
@ConfigurationProperties("kruzhok.surveys")
record SurveyProperties(@DefaultValue("./dialogs/surveys") Path dir) {
}
