package ru.kruzhok.vk;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** When the VK channel and its parts exist, read from {@code kruzhok.vk.*}. */
final class VkConditions {

    private VkConditions() {
    }

    private static boolean has(ConditionContext context, String key) {
        return StringUtils.hasText(context.getEnvironment().getProperty("kruzhok.vk." + key));
    }

    /** A community token and the community's id are configured. */
    static class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return has(context, "group-token") && has(context, "group-id");
        }
    }

    /** No Callback API confirmation: this bot polls the Bots Long Poll API. */
    static class LongPolling extends Enabled {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata) && !has(context, "callback-confirmation");
        }
    }

    /** A callback secret: the endpoint VK posts to is served and checks the secret on every call. */
    static class CallbackEndpoint extends Enabled {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return super.matches(context, metadata) && has(context, "callback-secret");
        }
    }
}
