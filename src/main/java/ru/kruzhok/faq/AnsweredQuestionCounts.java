package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.staff.AnsweredQuestions;

/**
 * Questions answered by the bot (typed questions it answered at once, {@code faq_question_stat}
 * decision ANSWER) and questions handed to a person ({@code staff_question}), by municipality and
 * period. Typed search phrases never reach either table.
 */
@Component
class AnsweredQuestionCounts implements AnsweredQuestions {

    private final JdbcTemplate jdbc;

    AnsweredQuestionCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Answered count(Set<String> municipalities, Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        String where = where(municipalities, from, to, "asked_at", args);
        long byBot = jdbc.queryForObject("select count(*) from faq_question_stat where decision = 'ANSWER'" + where,
                Long.class, args.toArray());
        args.clear();
        where = where(municipalities, from, to, "created_at", args);
        long[] handed = jdbc.queryForObject("select count(*), count(answered_at) from staff_question where true" + where,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, args.toArray());
        return new Answered(byBot, handed[0], handed[1]);
    }

    private static String where(Set<String> municipalities, Instant from, Instant to, String column, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (!municipalities.isEmpty()) {
            sql.append(" and municipality = any (?::varchar[])");
            args.add(municipalities.toArray(String[]::new));
        }
        if (from != null) {
            sql.append(" and ").append(column).append(" >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < ?");
            args.add(Timestamp.from(to));
        }
        return sql.toString();
    }
}
