package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Reply;

/**
 * Nothing is left unanswered: a question that waited longer than {@code kruzhok.faq.remind-after}
 * <em>working</em> hours (in its municipality's zone) gets one reminder in its thread in the staff
 * group. Checked every minute; the reminder is claimed in PostgreSQL first, so several instances
 * send it once.
 */
@Component
class QuestionReminders {

    private final JdbcTemplate jdbc;
    private final QuestionDesk desk;
    private final DeskPosts posts;
    private final Duration remindAfter;
    private final Clock clock;

    QuestionReminders(JdbcTemplate jdbc, QuestionDesk desk, DeskPosts posts, DeskProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.posts = posts;
        this.remindAfter = properties.remindAfter();
        this.clock = clock;
    }

    /** Sends the reminders that are due; returns how many. */
    @Scheduled(fixedDelayString = "${kruzhok.faq.remind-check-ms:60000}", initialDelay = 30_000)
    int remindWaiting() {
        Instant now = clock.instant();
        // a question cannot be overdue before remind-after has passed in plain time either
        List<Object[]> waiting = jdbc.query("""
                select id, municipality, created_at from staff_question
                where status = 'sent' and reminded_at is null and created_at <= ? order by created_at limit 200""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()},
                Timestamp.from(now.minus(remindAfter)));
        int sent = 0;
        for (Object[] q : waiting) {
            long id = (Long) q[0];
            Instant asked = (Instant) q[2];
            Duration working = desk.hours().workingTimeBetween(asked, now, desk.zoneOf((String) q[1]));
            if (working.compareTo(remindAfter) < 0) {
                continue;
            }
            int claimed = jdbc.update("update staff_question set reminded_at = ? where id = ? and reminded_at is null",
                    Timestamp.from(now), id);
            if (claimed == 0) {
                continue;
            }
            boolean said = posts.sayInThread(id, null, Reply.text("⏰ **Вопрос №" + id + " ждёт ответа** уже "
                    + WorkingHours.age(Duration.between(asked, now)) + " (рабочих: " + WorkingHours.age(working) + "). "
                    + "Ответьте родителю здесь или закройте вопрос кнопкой под ним; все открытые — /questions.")
                    .withButtonRow(ru.kruzhok.channel.Button.action("✅ Закрыть вопрос", DeskPosts.CLOSE + id)));
            if (said) {
                sent++;
            } else {
                jdbc.update("update staff_question set reminded_at = null where id = ?", id); // try again next time
            }
        }
        return sent;
    }
}
