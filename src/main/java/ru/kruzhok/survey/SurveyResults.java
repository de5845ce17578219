package ru.kruzhok.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.kruzhok.sheet.ExportFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.survey.Survey.Kind;
import ru.kruzhok.survey.Survey.Question;

/**
 * The results of a survey for staff reports: per question counts and percentages, averages of
 * scales, NPS, the free-text answers; filtered by municipality and period; the response rate.
 * Other features (the staff command /results) call {@link #summary} and {@link #charts}.
 */
@Service
public class SurveyResults {

    /** Which completed responses count: null fields mean no restriction; dates are inclusive, by completion. */
    public record Filter(String municipality, LocalDate from, LocalDate to) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    public record OptionCount(String answer, long count, double percent) {
    }

    /**
     * @param answered responses that answered this question (percentages are of these)
     * @param average  scale and nps: the mean; otherwise null
     * @param nps      nps: % promoters (9–10) − % detractors (0–6); otherwise null
     * @param texts    text: the answers as written
     */
    public record QuestionResult(String id, String text, String kind, long answered, List<OptionCount> counts,
                                 Double average, Double nps, List<String> texts) {
    }

    /** @param responseRate responses ÷ invited, null while nobody was invited */
    public record Results(String survey, String title, boolean anonymous, long responses, long invited,
                          Double responseRate, List<QuestionResult> questions) {
    }

    /** One completed response; {@code chat} and {@code child} are null for an anonymous survey. */
    public record RawResponse(long id, Instant completedAt, String municipality, String chat, String child,
                              Map<String, List<String>> answers) {
    }

    private final SurveyCatalog catalog;
    private final JdbcTemplate jdbc;
    private final SurveyInvitations invitations;
    private final SurveyCharts charts;
    private final Clock clock;
    private final ExportFormat format;

    SurveyResults(SurveyCatalog catalog, JdbcTemplate jdbc, SurveyInvitations invitations, SurveyCharts charts,
                  Clock clock, ExportFormat format) {
        this.format = format;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.charts = charts;
        this.clock = clock;
    }

    public Survey survey(String surveyId) {
        return catalog.find(surveyId).orElseThrow(() -> new NoSuchElementException("no survey '" + surveyId + "'"));
    }

    @Transactional(readOnly = true)
    public Results results(String surveyId, Filter filter) {
        Survey s = survey(surveyId);
        List<RawResponse> raw = responses(surveyId, filter);
        List<QuestionResult> questions = new ArrayList<>();
        for (Question q : s.questions()) {
            questions.add(question(q, raw));
        }
        long invited = invitations.invited(surveyId);
        Double rate = invited == 0 ? null : round(100.0 * raw.size() / invited);
        return new Results(s.id(), s.title(), s.anonymous(), raw.size(), invited, rate, questions);
    }

    private static QuestionResult question(Question q, List<RawResponse> raw) {
        List<List<String>> given = raw.stream().map(r -> r.answers().getOrDefault(q.id(), List.of()))
                .filter(a -> !a.isEmpty()).toList();
        long answered = given.size();
        if (q.kind() == Kind.TEXT) {
            return new QuestionResult(q.id(), q.text(), "text", answered, List.of(), null, null,
                    given.stream().map(a -> a.get(0)).toList());
        }
        List<OptionCount> counts = new ArrayList<>();
        for (String choice : q.choices()) {
            long n = given.stream().filter(a -> a.contains(choice)).count();
            counts.add(new OptionCount(choice, n, answered == 0 ? 0 : round(100.0 * n / answered)));
        }
        Double average = null;
        Double nps = null;
        if (q.kind() == Kind.SCALE || q.kind() == Kind.NPS) {
            List<Integer> numbers = given.stream().map(a -> Integer.parseInt(a.get(0))).toList();
            if (!numbers.isEmpty()) {
                average = round(numbers.stream().mapToInt(Integer::intValue).average().orElse(0));
                if (q.kind() == Kind.NPS) {
                    long promoters = numbers.stream().filter(n -> n >= 9).count();
                    long detractors = numbers.stream().filter(n -> n <= 6).count();
                    nps = round(100.0 * (promoters - detractors) / numbers.size());
                }
            }
        }
        return new QuestionResult(q.id(), q.text(), q.kind().name().toLowerCase(Locale.ROOT), answered, counts, average,
                nps, null);
    }

    /** The completed responses, oldest first, with their answers. */
    @Transactional(readOnly = true)
    public List<RawResponse> responses(String surveyId, Filter filter) {
        Survey s = survey(surveyId);
        StringBuilder sql = new StringBuilder("""
                select r.id, r.completed_at, r.municipality, r.channel, r.chat_id, r.child, a.question_id, a.value
                from survey_response r left join survey_answer a on a.response_id = r.id
                where r.survey_id = ? and r.completed_at is not null""");
        List<Object> args = new ArrayList<>(List.of(surveyId));
        if (filter.municipality() != null && !filter.municipality().isBlank()) {
            sql.append(" and r.municipality = ?");
            args.add(filter.municipality());
        }
        if (filter.from() != null) {
            sql.append(" and r.completed_at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(clock.getZone()).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and r.completed_at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        }
        sql.append(" order by r.id, a.answered_at, a.value");
        Map<Long, RawResponse> out = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            long id = rs.getLong(1);
            RawResponse r = out.computeIfAbsent(id, k -> {
                try {
                    // an anonymous survey never exposes who answered, even if a row had it
                    String chat = s.anonymous() || rs.getString(4) == null ? null : rs.getString(4) + ":" + rs.getString(5);
                    return new RawResponse(id, rs.getTimestamp(2).toInstant(), rs.getString(3), chat,
                            s.anonymous() ? null : rs.getString(6), new LinkedHashMap<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String question = rs.getString(7);
            if (question != null) {
                r.answers().computeIfAbsent(question, k -> new ArrayList<>()).add(rs.getString(8));
            }
        }, args.toArray());
        // multiple choices in the order of the options, not of the clicks
        for (RawResponse r : out.values()) {
            for (Question q : s.questions()) {
                List<String> a = r.answers().get(q.id());
                if (a != null && q.kind() == Kind.MULTI) {
                    a.sort((x, y) -> Integer.compare(q.options().indexOf(x), q.options().indexOf(y)));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** A summary message in the bot's markup, for staff in the chat. */
    public String summary(String surveyId, Filter filter) {
        Results r = results(surveyId, filter);
        StringBuilder md = new StringBuilder();
        md.append("📊 **").append(Markup.escape(r.title())).append("**\n");
        md.append("Ответов: ").append(r.responses());
        if (r.invited() > 0) {
            md.append(" из ").append(r.invited()).append(" приглашённых (").append(format(r.responseRate())).append("%)");
        }
        md.append('\n');
        for (QuestionResult q : r.questions()) {
            md.append("\n**").append(Markup.escape(q.text())).append("**\n");
            if (q.texts() != null) {
                md.append("Ответов словами: ").append(q.texts().size()).append(" — полный список: /export ").append(r.survey()).append("\n");
                continue;
            }
            if (q.average() != null) {
                md.append("Средняя оценка: ").append(format(q.average()));
                if (q.nps() != null) {
                    md.append(", NPS: ").append(format(q.nps()));
                }
                md.append('\n');
            } else {
                for (OptionCount c : q.counts()) {
                    md.append("• ").append(Markup.escape(c.answer())).append(" — ").append(c.count())
                            .append(" (").append(format(c.percent())).append("%)\n");
                }
            }
        }
        return md.toString().strip();
    }

    /** PNG charts, one per question that has counts (not free text), in question order. */
    public List<byte[]> charts(String surveyId, Filter filter) {
        return questionCharts(surveyId, filter).stream().map(Chart::png).toList();
    }

    /** A question's chart with what to caption it by: its number in the survey (from 1) and its text. */
    public record Chart(int number, String questionId, String question, byte[] png) {
    }

    /** Like {@link #charts}, with each chart's question, for captions (the staff's album). */
    public List<Chart> questionCharts(String surveyId, Filter filter) {
        Results r = results(surveyId, filter);
        String scope = scope(surveyId, filter);
        List<Chart> out = new ArrayList<>();
        for (int i = 0; i < r.questions().size(); i++) {
            QuestionResult q = r.questions().get(i);
            if (q.texts() == null) {
                out.add(new Chart(i + 1, q.id(), q.text(), charts.png(q, scope)));
            }
        }
        return out;
    }

    /** The chart of one question; empty for a free-text question. */
    public java.util.Optional<byte[]> chart(String surveyId, String questionId, Filter filter) {
        Results r = results(surveyId, filter);
        QuestionResult q = r.questions().stream().filter(x -> x.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no question '" + questionId + "'"));
        return q.texts() != null ? java.util.Optional.empty() : java.util.Optional.of(charts.png(q, scope(surveyId, filter)));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * What a chart counts, for its subtitle: the municipality (or all of them) and the period — the
     * filter's dates, or else the days of the first and last response.
     */
    String scope(String surveyId, Filter filter) {
        String where = filter.municipality() == null || filter.municipality().isBlank() ? "все муниципалитеты"
                : format.name(filter.municipality());
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        if (from == null || to == null) {
            List<RawResponse> raw = responses(surveyId, filter);
            if (!raw.isEmpty()) {
                java.time.ZoneId zone = format.zoneOf(filter.municipality());
                from = from != null ? from : raw.get(0).completedAt().atZone(zone).toLocalDate();
                to = to != null ? to : raw.stream().map(RawResponse::completedAt).max(Instant::compareTo).orElseThrow()
                        .atZone(zone).toLocalDate();
            }
        }
        if (from == null || to == null) {
            return where;
        }
        return where + " · " + DAY.format(from) + " – " + DAY.format(to);
    }

    static String format(Double value) {
        if (value == null) {
            return "—";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
