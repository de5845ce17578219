package ru.kruzhok.channel;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How many updates are handled at once across all chats (each chat is still one at a time). */
@Validated
@ConfigurationProperties("kruzhok.dispatcher")
record DispatcherProperties(@DefaultValue("16") @Min(1) int workers) {
}
