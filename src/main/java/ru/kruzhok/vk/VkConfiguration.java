package ru.kruzhok.vk;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.channel.PollingLock;
import ru.kruzhok.channel.SendCounter;
import ru.kruzhok.channel.UpdateDispatcher;

/**
 * The VK channel, present only when VK_GROUP_TOKEN and VK_GROUP_ID are set: the API client against
 * VK_API_URL, the sender, and either the Bots Long Poll or the Callback API endpoint
 * (VK_CALLBACK_CONFIRMATION, with VK_CALLBACK_SECRET checked on every call).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(VkConditions.Enabled.class)
class VkConfiguration {

    @Bean
    VkApi vkApi(VkProperties properties) {
        if (properties.callbackMode() && (properties.callbackSecret() == null || properties.callbackSecret().isBlank())) {
            throw new IllegalStateException("VK_CALLBACK_CONFIRMATION is set but VK_CALLBACK_SECRET is not: "
                    + "set the secret key of the community's Callback API server so nobody else can post events");
        }
        return new VkApi(properties);
    }

    @Bean
    VkChannel vkChannel(VkApi api, ApplicationEventPublisher events, VkProperties properties) {
        return new VkChannel(api, events, properties.maxRetryAfter());
    }

    @Bean
    VkIntake vkIntake(UpdateDispatcher dispatcher, VkApi api, ObjectProvider<SendCounter> budget) {
        return new VkIntake(dispatcher, api, budget);
    }

    @Bean
    @Conditional(VkConditions.LongPolling.class)
    VkLongPoller vkLongPoller(VkApi api, VkIntake intake, DataSource dataSource, VkProperties properties) {
        return new VkLongPoller(api, intake, new PollingLock(dataSource, VkLongPoller.LOCK_KEY), properties);
    }
}
