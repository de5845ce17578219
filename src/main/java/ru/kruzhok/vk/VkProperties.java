package ru.kruzhok.vk;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The VK channel's settings (VK_GROUP_TOKEN, VK_GROUP_ID, VK_API_URL, VK_CALLBACK_CONFIRMATION,
 * VK_CALLBACK_SECRET). With no community token or id the channel is off.
 *
 * @param apiVersion   the VK API version every call names (callback buttons need 5.103 or later)
 * @param callbackPath where VK's Callback API posts events; served whenever a secret is set
 */
@ConfigurationProperties("kruzhok.vk")
record VkProperties(
        String groupToken,
        Long groupId,
        @DefaultValue("https://api.vk.com") URI apiUrl,
        @DefaultValue("5.199") String apiVersion,
        String callbackConfirmation,
        String callbackSecret,
        @DefaultValue("/vk/callback") String callbackPath,
        @DefaultValue("25s") Duration pollWait,
        @DefaultValue("5s") Duration standbyRetry,
        @DefaultValue("60s") Duration maxRetryAfter) {

    boolean callbackMode() {
        return callbackConfirmation != null && !callbackConfirmation.isBlank();
    }
}
