package ru.kruzhok.max;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** When the MAX channel and its parts exist, read from {@code kruzhok.max.*}. */
final class MaxConditions {

    private MaxConditions() {
    }

    private static boolean has(ConditionContext context, String key) {
        return StringUtils.hasText(context.getEnvironment().getProperty("kruzhok.max." + key));
    }

    /** A bot token is configured (MAX_BOT_TOKEN). */
    static class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return has(context, "token");
        }
    }

    /** No webhook URL: this bot long-polls GET /updates. */
    static class LongPolling implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return has(context, "token") && !has(context, "webhook-url");
        }
    }

    /** A webhook secret: the endpoint MAX posts to is served (and checks the secret on every call). */
    static class WebhookEndpoint implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return has(context, "token") && has(context, "webhook-secret");
        }
    }
}
