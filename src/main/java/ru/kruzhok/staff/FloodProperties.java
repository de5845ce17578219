package ru.kruzhok.staff;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-chat flood control: more than {@code messages} in {@code window} is a flood. The defaults
 * (20 in 10 s) are the production limit; the tests' configuration raises it (application-test.yml).
 */
@Validated
@ConfigurationProperties("kruzhok.flood")
record FloodProperties(@DefaultValue("20") @Min(1) int messages, @DefaultValue("10s") Duration window) {
}
