package ru.kruzhok.staff;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin HTTP API. No {@code apiToken} (ADMIN_API_TOKEN) means the API is off. An address that
 * sends more than {@code failureLimit} wrong tokens in {@code failureWindow} gets 429 until its
 * budget refills, even with the right token, so guessing gains nothing from the answers.
 */
@Validated
@ConfigurationProperties("kruzhok.admin")
record AdminApiProperties(String apiToken,
                          @DefaultValue("20") @Min(1) int failureLimit,
                          @DefaultValue("1m") Duration failureWindow) {

    boolean enabled() {
        return apiToken != null && !apiToken.isBlank();
    }
}
