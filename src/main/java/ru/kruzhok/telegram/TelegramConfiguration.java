package ru.kruzhok.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import okhttp3.OkHttpClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.kruzhok.channel.BotCommandMenu;
import ru.kruzhok.channel.UpdateDispatcher;

/**
 * The Telegram channel, present only when TELEGRAM_BOT_TOKEN is set: the TelegramBots client
 * against TELEGRAM_API_URL, the sender, and either the long poller or the webhook endpoint.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnTelegramEnabled.class)
class TelegramConfiguration {

    /**
     * The client for sends and other short calls. Its own read timeout (sendTimeout, 10 s): sharing
     * the long poll's (pollTimeout + 15 s) let one hung send hold a chat's turn for 40 s.
     */
    @Bean
    TelegramClient telegramClient(TelegramProperties properties) {
        return client(properties, properties.sendTimeout());
    }

    /** Long polls hold a request open for pollTimeout; their read timeout must outlast it. */
    static TelegramClient longPollClient(TelegramProperties properties) {
        return client(properties, properties.pollTimeout().plusSeconds(15));
    }

    private static TelegramClient client(TelegramProperties properties, Duration readTimeout) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        return new OkHttpTelegramClient(http, properties.token(), telegramUrl(properties.apiUrl()));
    }

    @Bean
    CallbackData callbackData() {
        return new CallbackData();
    }

    @Bean
    TelegramChannel telegramChannel(TelegramClient client, CallbackData callbackData,
                                    ApplicationEventPublisher events, TelegramProperties properties) {
        return new TelegramChannel(client, callbackData, events, properties.maxRetryAfter(),
                new TelegramFileDownloads(properties.apiUrl(), properties.token()));
    }

    @Bean
    TelegramIntake telegramIntake(CallbackData callbackData, UpdateDispatcher dispatcher, TelegramClient client) {
        return new TelegramIntake(new UpdateTranslator(callbackData), dispatcher, client);
    }

    @Bean
    TelegramStartup telegramStartup(TelegramClient client, TelegramProperties properties, List<BotCommandMenu> menus) {
        if (properties.webhookMode() && (properties.webhookSecret() == null || properties.webhookSecret().isBlank())) {
            throw new IllegalStateException("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not: "
                    + "set a secret so nobody else can post updates to the bot");
        }
        return new TelegramStartup(client, properties, menus);
    }

    @Bean
    @Conditional(OnLongPolling.class)
    TelegramLongPoller telegramLongPoller(TelegramIntake intake, DataSource dataSource, TelegramProperties properties) {
        return new TelegramLongPoller(longPollClient(properties), intake, new PollingLock(dataSource), properties);
    }

    static TelegramUrl telegramUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : ("http".equals(scheme) ? 80 : 443);
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    static class OnWebhook implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return org.springframework.util.StringUtils.hasText(context.getEnvironment().getProperty("kruzhok.telegram.webhook-url"));
        }
    }

    static class OnLongPolling extends OnWebhook {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
