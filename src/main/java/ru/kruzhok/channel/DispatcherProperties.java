package ru.kruzhok.channel;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many updates are handled at once across all chats (each chat is still one at a time), and
 * how long a claimed but unanswered update stays with the instance that claimed it before another
 * may take it over (longer than any handling takes, shorter than a restart is worth waiting for).
 */
@Validated
@ConfigurationProperties("kruzhok.dispatcher")
record DispatcherProperties(@DefaultValue("16") @Min(1) int workers,
                            @DefaultValue("10s") Duration claimLease) {
}
