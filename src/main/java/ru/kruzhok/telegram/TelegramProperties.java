package ru.kruzhok.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram channel's settings (TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, TELEGRAM_WEBHOOK_URL,
 * TELEGRAM_WEBHOOK_SECRET). With no token the channel is off.
 *
 * <p>{@code sendTimeout}: the longest a send (a reply, a broadcast message) waits for Telegram's
 * answer before it is retried; long polls have their own, longer timeout.
 */
@ConfigurationProperties("kruzhok.telegram")
record TelegramProperties(
        String token,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        String webhookUrl,
        String webhookSecret,
        @DefaultValue("/telegram/webhook") String webhookPath,
        @DefaultValue("25s") Duration pollTimeout,
        @DefaultValue("5s") Duration standbyRetry,
        @DefaultValue("60s") Duration maxRetryAfter,
        @DefaultValue("10s") Duration sendTimeout) {

    boolean webhookMode() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }
}
