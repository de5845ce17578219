package ru.kruzhok.broadcast;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import ru.kruzhok.channel.SendLimit;

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
 * @param limits          per channel ({@code telegram}, {@code max}, {@code vk}, {@code web}): overrides of
 *                        the limits each channel declares ({@link ru.kruzhok.channel.Channel#sendLimit()})
 * @param paid            Telegram paid broadcasts ({@code allow_paid_broadcast}); off by default
 * @param progressInterval the least time between two edits of a live progress message (Telegram
 *                        throttles frequent edits of one message)
 * @param draftLifetime   an unfinished /broadcast draft is forgotten after this long
 * @param maxFileSize     the largest photo or file staff may attach to an announcement, in bytes
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
        Map<String, SendLimit> limits,
        @Valid @DefaultValue PaidBroadcasts paid,
        @DefaultValue("3s") Duration progressInterval,
        @DefaultValue("24h") Duration draftLifetime,
        @DefaultValue("10485760") @Min(1) @Max(20 * 1024 * 1024) long maxFileSize) {

    /**
     * Telegram's paid broadcasts: bulk messages carry {@code allow_paid_broadcast=true} and may go
     * out at up to 1,000 a second instead of 30; Telegram charges Stars for each message above the
     * free rate, so this is off unless the bot's owner turns it on.
     *
     * @param enabled   send announcements as paid broadcasts
     * @param perSecond the bulk rate then (Telegram allows at most 1,000)
     */
    record PaidBroadcasts(@DefaultValue("false") boolean enabled,
                          @DefaultValue("1000") @Min(1) @Max(1000) int perSecond) {
    }

    BroadcastProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        paid = paid == null ? new PaidBroadcasts(false, 1000) : paid;
    }

    /** The limits in force: configured ones win over those the channel {@code declared}. */
    SendLimit limit(String channel, SendLimit declared) {
        SendLimit configured = limits.get(channel);
        boolean telegram = "telegram".equals(channel);
        SendLimit limit = configured != null ? configured : declared;
        if (telegram && paid.enabled()) {
            // the paid rate replaces the free one; the headroom keeps its share of the rate
            double headroom = paid.perSecond() * limit.headroom() / limit.perSecond();
            return new SendLimit(paid.perSecond(), headroom, limit.perChat());
        }
        return limit;
    }
}
