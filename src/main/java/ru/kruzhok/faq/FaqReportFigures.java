package ru.kruzhok.faq;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.report.ReportFigures;
import ru.kruzhok.staff.AnsweredQuestions;

/**
 * The questions part of the period report: answered by the bot, handed to staff and answered by them,
 * the median time to a staff answer, and the topics parents asked about most (kept from
 * {@link FaqAnswered}, topic and municipality only).
 */
@Component
class FaqReportFigures implements ReportFigures {

    static final String SECTION = "Вопросы родителей";
    static final String TOPICS = "Частые темы вопросов (ответил бот)";
    private static final int TOP = 5;

    private final JdbcTemplate jdbc;
    private final AnsweredQuestions answered;
    private final FaqMatcher matcher;
    private final Clock clock;

    FaqReportFigures(JdbcTemplate jdbc, AnsweredQuestions answered, FaqMatcher matcher, Clock clock) {
        this.jdbc = jdbc;
        this.answered = answered;
        this.matcher = matcher;
        this.clock = clock;
    }

    @EventListener
    void answered(FaqAnswered e) {
        if (e.topic() != null) {
            jdbc.update("insert into faq_answer_log(municipality, topic, answered_at) values (?, ?, ?)",
                    e.municipality(), e.topic(), Timestamp.from(clock.instant()));
        }
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures(Set<String> municipalities, Instant from, Instant to) {
        AnsweredQuestions.Answered a = answered.count(municipalities, from, to);
        List<Figure> out = new ArrayList<>(List.of(
                new Figure(SECTION, "Вопросов всего (ответы бота и вопросы специалистам)", a.questions()),
                new Figure(SECTION, "Ответил бот", a.byBot()),
                new Figure(SECTION, "Передано специалистам МОЦ", a.handedOver()),
                new Figure(SECTION, "Из них отвечено специалистами", a.answeredByStaff())));
        String where = municipalities.isEmpty() ? "" : " and municipality = any (?::varchar[])";
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (!municipalities.isEmpty()) {
            args.add(municipalities.toArray(String[]::new));
        }
        Double median = jdbc.queryForObject("""
                select percentile_cont(0.5) within group (order by extract(epoch from answered_at - created_at) / 60)
                  from staff_question where answered_at is not null and created_at >= ? and created_at < ?""" + where,
                Double.class, args.toArray());
        out.add(new Figure(SECTION, "Медианное время ответа специалиста, мин",
                median == null ? null : Math.round(median * 10) / 10.0));
        jdbc.query("select topic, count(*) from faq_answer_log where answered_at >= ? and answered_at < ?" + where
                        + " group by topic order by count(*) desc, topic limit " + TOP,
                rs -> {
                    String topic = rs.getString(1);
                    String title = matcher.topic(topic).map(FaqTopic::title).orElse(topic);
                    out.add(new Figure(TOPICS, title, rs.getLong(2)));
                }, args.toArray());
        return out;
    }
}
