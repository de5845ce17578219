package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * «В базу ответов»: questions staff answered, proposed as paraphrases of a topic, and the admin's
 * decision. Accepted paraphrases join their topic in the matcher, so the next parent who asks the
 * same way gets the answer at once.
 */
@Service
public class FaqSuggestions {

    /** Longer questions are letters, not paraphrases; they would only blur the topic. */
    static final int MAX_PARAPHRASE = 300;

    public record Suggestion(long id, String paraphrase, String topicId, String status, String suggestedBy,
                             Instant suggestedAt, String municipality) {
    }

    /** What a question looked like when staff answered it. */
    record AnsweredQuestion(long id, String municipality, String text) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FaqSuggestions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<AnsweredQuestion> answeredQuestion(long questionId) {
        return jdbc.query("select id, municipality, question from staff_question where id = ? and status = 'answered'",
                (rs, n) -> new AnsweredQuestion(rs.getLong(1), rs.getString(2), rs.getString(3)), questionId)
                .stream().findFirst();
    }

    /** Proposes the question as a paraphrase of {@code topicId}; empty when it was proposed before. */
    @Transactional
    Optional<Long> suggest(AnsweredQuestion question, String topicId, String by) {
        String paraphrase = question.text().strip();
        if (paraphrase.length() > MAX_PARAPHRASE) {
            paraphrase = paraphrase.substring(0, MAX_PARAPHRASE);
        }
        List<Long> id = jdbc.queryForList("""
                insert into faq_suggestion(question_id, municipality, paraphrase, topic_id, status, suggested_by, suggested_at)
                values (?, ?, ?, ?, 'pending', ?, ?)
                on conflict (question_id) where question_id is not null do nothing returning id""",
                Long.class, question.id(), question.municipality(), paraphrase, topicId, by, now());
        return id.stream().findFirst();
    }

    public List<Suggestion> pending(int limit) {
        return jdbc.query("""
                select id, paraphrase, topic_id, status, suggested_by, suggested_at, municipality
                  from faq_suggestion where status = 'pending' order by id limit ?""",
                (rs, n) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), limit);
    }

    public Optional<Suggestion> find(long id) {
        return jdbc.query("""
                select id, paraphrase, topic_id, status, suggested_by, suggested_at, municipality
                  from faq_suggestion where id = ?""",
                (rs, n) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), id).stream().findFirst();
    }

    /** Accepts or rejects a pending suggestion; false when it is unknown or already decided. */
    @Transactional
    public boolean decide(long id, boolean accept, String by) {
        return jdbc.update("""
                update faq_suggestion set status = ?, decided_by = ?, decided_at = ?
                 where id = ? and status = 'pending'""", accept ? "accepted" : "rejected", by, now(), id) == 1;
    }

    /** Topic id → accepted paraphrases, oldest first. */
    Map<String, List<String>> acceptedByTopic() {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        jdbc.query("select topic_id, paraphrase from faq_suggestion where status = 'accepted' order by id",
                rs -> {
                    byTopic.computeIfAbsent(rs.getString(1), t -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return byTopic;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
