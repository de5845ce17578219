package ru.kruzhok.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up warm-up ({@code kruzhok.warmup.*}): how many free-text readings at most, and for how
 * long at most (on a loaded machine the time bound comes first, so start-up grows by that much).
 */
@ConfigurationProperties("kruzhok.warmup")
record WarmupProperties(@DefaultValue("true") boolean enabled,
                        @DefaultValue("3000") int readings,
                        @DefaultValue("8s") Duration maxDuration) {
}
