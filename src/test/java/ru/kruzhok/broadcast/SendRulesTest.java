package ru.kruzhok.broadcast;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.kruzhok.channel.SendLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules that need no database: which failures are retried, and the limits' defaults. */
class SendRulesTest {

    @Test
    void networkErrorsAndServerErrorsAreRetriedButBadRequestsAreNot() {
        assertThat(BroadcastWorker.retryable("network: SocketTimeoutException")).isTrue();
        assertThat(BroadcastWorker.retryable("502 Bad Gateway")).isTrue();
        assertThat(BroadcastWorker.retryable("400 Bad Request: chat not found")).isFalse();
        assertThat(BroadcastWorker.retryable(null)).isFalse();
    }

    @Test
    void telegramDefaultsLeaveHeadroomUnderThirtyPerSecondAndOnePerChat() {
        BroadcastProperties properties = new BroadcastProperties(true, Duration.ofMillis(500), 20, 8,
                Duration.ofSeconds(60), 5, Duration.ofSeconds(5), true, null, null, Duration.ofSeconds(3),
                Duration.ofHours(24), 10_000_000);
        SendLimit telegram = properties.limit("telegram", SendLimit.telegram());
        assertThat(telegram.perSecond()).isEqualTo(30);
        assertThat(telegram.budgetPerSecond()).isBetween(28.5, 29.9);
        assertThat(telegram.perChat()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.limit("web", SendLimit.web()).perChat()).isZero();
    }

    @Test
    void configuredLimitsWinOverDefaults() {
        BroadcastProperties properties = new BroadcastProperties(true, Duration.ofMillis(500), 20, 8,
                Duration.ofSeconds(60), 5, Duration.ofSeconds(5), true,
                Map.of("telegram", new SendLimit(1000, 10, Duration.ofSeconds(1))), null, Duration.ofSeconds(3),
                Duration.ofHours(24), 10_000_000);
        assertThat(properties.limit("telegram", SendLimit.telegram()).budgetPerSecond()).isEqualTo(990);
        assertThatThrownBy(() -> new SendLimit(30, 30, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paidBroadcastsRaiseOnlyTelegramsBulkRateToThePaidOne() {
        BroadcastProperties properties = new BroadcastProperties(true, Duration.ofMillis(500), 20, 8,
                Duration.ofSeconds(60), 5, Duration.ofSeconds(5), true, null,
                new BroadcastProperties.PaidBroadcasts(true, 600), Duration.ofSeconds(3), Duration.ofHours(24), 10_000_000);
        SendLimit telegram = properties.limit("telegram", SendLimit.telegram());
        assertThat(telegram.perSecond()).isEqualTo(600);
        assertThat(telegram.budgetPerSecond()).isBetween(570.0, 599.0);
        assertThat(telegram.perChat()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.limit("web", SendLimit.web())).isEqualTo(SendLimit.web());
    }
}
