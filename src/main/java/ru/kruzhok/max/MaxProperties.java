package ru.kruzhok.max;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MAX channel's settings (MAX_BOT_TOKEN, MAX_API_URL, MAX_WEBHOOK_URL, MAX_WEBHOOK_SECRET).
 * With no token the channel is off.
 *
 * @param webhookPath where MAX posts updates when a webhook subscription is used; the endpoint is
 *                    served whenever a secret is set and refuses calls without it
 */
@ConfigurationProperties("kruzhok.max")
record MaxProperties(
        String token,
        @DefaultValue("https://platform-api.max.ru") URI apiUrl,
        String webhookUrl,
        String webhookSecret,
        @DefaultValue("/max/webhook") String webhookPath,
        @DefaultValue("30s") Duration pollTimeout,
        @DefaultValue("5s") Duration standbyRetry,
        @DefaultValue("60s") Duration maxRetryAfter) {

    boolean webhookMode() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }
}
