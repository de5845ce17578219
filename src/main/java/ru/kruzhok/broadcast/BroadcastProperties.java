package ru.kruzhok.broadcast;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of announcements and their outbox ({@code kruzhok.broadcast.*}).
 *
 * @param workerEnabled   whether this instance sends (every instance may; they share the work)
 * @param pollInterval    how often an idle worker looks for due broadcasts and rows to send
 * @param batchSize       outbox rows claimed in one transaction
 * @param senders         threads sending in parallel (platform calls take longer than the pace between them)
 * @param lease           how long a claimed row belongs to its instance before another may take it over
 * @param maxAttempts     attempts on network errors before a row is failed
 * @param retryBackoff    the wait after the first network error; doubled on each further one
 * @param sharedBudget    keep the rate buckets in PostgreSQL so all instances share one budget
 * @param limits          per channel ({@code telegram}, {@code web}); missing channels get built-in defaults
 */
@Validated
@ConfigurationProperties("kruzhok.broadcast")
record BroadcastProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("20") @Min(1) int batchSize,
        @DefaultValue("8") @Min(1) int senders,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("5s") Duration retryBackoff,
        @DefaultValue("true") boolean sharedBudget,
        Map<String, SendLimit> limits) {

    BroadcastProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    SendLimit limit(String channel) {
        SendLimit configured = limits.get(channel);
        if (configured != null) {
            return configured;
        }
        return "telegram".equals(channel) ? SendLimit.telegram() : SendLimit.web();
    }
}
