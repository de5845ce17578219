package ru.kruzhok.event;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of events ({@code kruzhok.events.*}).
 *
 * @param reminderBefore how long before an event its reminder goes out
 * @param pollInterval   how often an instance looks for due reminders
 * @param zone           forces one time zone for every event's times («25.11.2026 18:00»); unset: the event's
 *                       municipality's {@code time-zone}, as for announcements (Europe/Moscow when it has none)
 */
@Validated
@ConfigurationProperties("kruzhok.events")
record EventProperties(
        @DefaultValue("24h") Duration reminderBefore,
        @DefaultValue("30s") Duration pollInterval,
        ZoneId zone) {
}
