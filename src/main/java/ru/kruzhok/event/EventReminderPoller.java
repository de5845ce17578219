package ru.kruzhok.event;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due event reminders every {@code kruzhok.events.poll-interval} by the injected clock.
 * Every instance polls; the claim in {@link Events#remindDue} lets only one send each reminder.
 */
@Component
class EventReminderPoller {

    private static final Logger log = LoggerFactory.getLogger(EventReminderPoller.class);

    private final Events events;
    private final Clock clock;

    EventReminderPoller(Events events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kruzhok.events.poll-interval:30s}", initialDelayString = "${kruzhok.events.poll-interval:30s}")
    void poll() {
        try {
            events.remindDue(clock.instant());
        } catch (RuntimeException e) {
            // the next poll tries again; a reminder is only marked sent together with its messages
            log.warn("Event reminders failed, will retry: {}", e.toString());
        }
    }
}
