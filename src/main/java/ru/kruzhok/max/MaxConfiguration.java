package ru.kruzhok.max;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import ru.kruzhok.channel.PollingLock;
import ru.kruzhok.channel.SendCounter;
import ru.kruzhok.channel.UpdateDispatcher;

/**
 * The MAX channel, present only when MAX_BOT_TOKEN is set: the API client against MAX_API_URL, the
 * sender, and either the long poller or the webhook subscription (MAX_WEBHOOK_URL) whose endpoint
 * checks MAX_WEBHOOK_SECRET.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MaxConditions.Enabled.class)
class MaxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MaxConfiguration.class);

    @Bean
    MaxApi maxApi(MaxProperties properties) {
        if (properties.webhookMode() && (properties.webhookSecret() == null || properties.webhookSecret().isBlank())) {
            throw new IllegalStateException("MAX_WEBHOOK_URL is set but MAX_WEBHOOK_SECRET is not: "
                    + "set a secret so nobody else can post updates to the bot");
        }
        return new MaxApi(properties);
    }

    @Bean
    MaxChannel maxChannel(MaxApi api, ApplicationEventPublisher events, MaxProperties properties) {
        return new MaxChannel(api, events, properties.maxRetryAfter());
    }

    @Bean
    MaxIntake maxIntake(UpdateDispatcher dispatcher, MaxApi api, ObjectProvider<SendCounter> budget) {
        return new MaxIntake(dispatcher, api, budget);
    }

    @Bean
    @Conditional(MaxConditions.LongPolling.class)
    MaxLongPoller maxLongPoller(MaxApi api, MaxIntake intake, DataSource dataSource, MaxProperties properties) {
        return new MaxLongPoller(api, intake, new PollingLock(dataSource, MaxLongPoller.LOCK_KEY), properties);
    }

    /** Subscribes the webhook once the application is ready; a failure is logged, polling is not started instead. */
    @EventListener(ApplicationReadyEvent.class)
    void subscribe(ApplicationReadyEvent event) {
        MaxProperties properties = event.getApplicationContext().getBean(MaxProperties.class);
        if (!properties.webhookMode()) {
            return;
        }
        try {
            var response = event.getApplicationContext().getBean(MaxApi.class)
                    .subscribe(properties.webhookUrl(), properties.webhookSecret());
            if (response.ok()) {
                log.info("MAX webhook subscription registered");
            } else {
                log.warn("MAX refused the webhook subscription: {}", response.status());
            }
        } catch (Exception e) {
            log.warn("Could not subscribe the MAX webhook: {}", e.toString());
        }
    }
}
