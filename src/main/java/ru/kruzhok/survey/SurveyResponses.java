package ru.kruzhok.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.kruzhok.channel.ChatAddress;
import ru.kruzhok.parent.ParentDataDeleted;
import ru.kruzhok.survey.Survey.Kind;
import ru.kruzhok.survey.Survey.Question;
import ru.kruzhok.survey.Survey.SkipRule;

/**
 * Answering a survey: starts or resumes a response, saves each answer as it is given, follows skip
 * rules, steps back, completes. Everything is in the database at once, so a parent can stop and come
 * back, also after a restart. One response per parent (or per child) is kept by a salted-hash
 * marker, which is all an anonymous survey knows about who answered.
 */
@Service
class SurveyResponses {

    /** Where a response stands: the question to ask now (null when completed) and the questions answered, in order. */
    record Progress(long responseId, Survey survey, String current, List<String> path, boolean completed) {
        Optional<Question> question() {
            return current == null ? Optional.empty() : survey.question(current);
        }
    }

    /** Whose response: the chat, and for per-child surveys the child ({@code key} stable, {@code label} shown). */
    record Respondent(ChatAddress chat, String childKey, String childLabel, String municipality) {
    }

    enum Start { NEW, RESUMED, ALREADY_ANSWERED }

    record Started(Start kind, Progress progress) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile byte[] salt;

    SurveyResponses(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Started start(Survey survey, Respondent who) {
        String chatHash = chatHash(who.chat());
        String childHash = childHash(who);
        List<Map<String, Object>> marker = jdbc.queryForList(
                "select response_id, completed from survey_participant where survey_id = ? and chat_hash = ? and child_hash = ? for update",
                survey.id(), chatHash, childHash);
        if (!marker.isEmpty()) {
            if (Boolean.TRUE.equals(marker.get(0).get("completed"))) {
                return new Started(Start.ALREADY_ANSWERED, null);
            }
            Number id = (Number) marker.get(0).get("response_id");
            if (id != null) {
                Progress p = load(survey, id.longValue());
                if (p != null) {
                    return new Started(Start.RESUMED, p);
                }
            }
        }
        boolean named = !survey.anonymous();
        Long id = jdbc.queryForObject("""
                insert into survey_response (survey_id, channel, chat_id, child, municipality, current_question, started_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                survey.id(), named ? who.chat().channel() : null, named ? who.chat().chatId() : null,
                named ? who.childLabel() : null, who.municipality(), survey.questions().get(0).id(), now());
        if (marker.isEmpty()) {
            jdbc.update("insert into survey_participant (survey_id, chat_hash, child_hash, response_id) values (?, ?, ?, ?)",
                    survey.id(), chatHash, childHash, id);
        } else {
            jdbc.update("update survey_participant set response_id = ? where survey_id = ? and chat_hash = ? and child_hash = ?",
                    id, survey.id(), chatHash, childHash);
        }
        return new Started(Start.NEW, new Progress(id, survey, survey.questions().get(0).id(), List.of(), false));
    }

    /** The response being answered by this respondent, if any. */
    @Transactional(readOnly = true)
    Optional<Progress> current(Survey survey, Respondent who) {
        List<Long> ids = jdbc.queryForList("""
                select response_id from survey_participant
                where survey_id = ? and chat_hash = ? and child_hash = ? and not completed and response_id is not null""",
                Long.class, survey.id(), chatHash(who.chat()), childHash(who));
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(load(survey, ids.get(0)));
    }

    /** Whether this respondent completed the survey. */
    @Transactional(readOnly = true)
    boolean answered(Survey survey, Respondent who) {
        return !jdbc.queryForList("select 1 from survey_participant where survey_id = ? and chat_hash = ? and child_hash = ? and completed",
                survey.id(), chatHash(who.chat()), childHash(who)).isEmpty();
    }

    /** The answers given so far in a response, by question (a multiple choice has several values). */
    @Transactional(readOnly = true)
    Map<String, List<String>> answers(long responseId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        jdbc.query("select question_id, value from survey_answer where response_id = ? order by answered_at, value",
                rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, responseId);
        return out;
    }

    /**
     * Answers the current question with one value (single, scale, nps, text) and moves on, following
     * the question's skip rules.
     */
    @Transactional
    Progress answer(Progress p, String value) {
        Question q = p.question().orElseThrow();
        jdbc.update("delete from survey_answer where response_id = ? and question_id = ?", p.responseId(), q.id());
        jdbc.update("insert into survey_answer (response_id, question_id, value, answered_at) values (?, ?, ?, ?)",
                p.responseId(), q.id(), value, now());
        return advance(p, q, List.of(value));
    }

    /** Adds or removes an option of a multiple choice; false when adding would go over the maximum. */
    @Transactional
    boolean toggle(Progress p, String option) {
        Question q = p.question().orElseThrow();
        if (jdbc.update("delete from survey_answer where response_id = ? and question_id = ? and value = ?",
                p.responseId(), q.id(), option) > 0) {
            return true;
        }
        Integer chosen = jdbc.queryForObject("select count(*) from survey_answer where response_id = ? and question_id = ?",
                Integer.class, p.responseId(), q.id());
        if (chosen >= q.max()) {
            return false;
        }
        jdbc.update("insert into survey_answer (response_id, question_id, value, answered_at) values (?, ?, ?, ?)",
                p.responseId(), q.id(), option, now());
        return true;
    }

    /** Finishes a multiple choice with what is chosen now; empty when nothing is chosen. */
    @Transactional
    Progress finishMulti(Progress p) {
        Question q = p.question().orElseThrow();
        return advance(p, q, answers(p.responseId()).getOrDefault(q.id(), List.of()));
    }

    /** Skips an optional question: its answer, if any, is removed. */
    @Transactional
    Progress skip(Progress p) {
        Question q = p.question().orElseThrow();
        jdbc.update("delete from survey_answer where response_id = ? and question_id = ?", p.responseId(), q.id());
        return advance(p, q, List.of());
    }

    /** Goes back to the previous question answered; empty when this is the first one. */
    @Transactional
    Optional<Progress> back(Progress p) {
        if (p.path().isEmpty()) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>(p.path());
        String previous = path.remove(path.size() - 1);
        save(p.responseId(), previous, path);
        return Optional.of(new Progress(p.responseId(), p.survey(), previous, List.copyOf(path), false));
    }

    private Progress advance(Progress p, Question q, List<String> given) {
        List<String> path = new ArrayList<>(p.path());
        path.add(q.id());
        String next = nextQuestion(p.survey(), q, given);
        if (next == null) {
            complete(p, path);
            return new Progress(p.responseId(), p.survey(), null, List.copyOf(path), true);
        }
        save(p.responseId(), next, path);
        return new Progress(p.responseId(), p.survey(), next, List.copyOf(path), false);
    }

    /** The question after {@code q} given its answers: the first matching skip rule, else the next in order; null at the end. */
    static String nextQuestion(Survey survey, Question q, List<String> given) {
        for (SkipRule rule : q.skip()) {
            if (given.contains(rule.ifValue())) {
                return rule.to().equals("end") ? null : rule.to();
            }
        }
        int i = survey.indexOf(q.id());
        return i + 1 < survey.questions().size() ? survey.questions().get(i + 1).id() : null;
    }

    private void complete(Progress p, List<String> path) {
        // answers to questions a changed answer skipped over (after «Назад») are not part of the response
        List<String> answered = jdbc.queryForList("select distinct question_id from survey_answer where response_id = ?",
                String.class, p.responseId());
        for (String question : answered) {
            if (!path.contains(question)) {
                jdbc.update("delete from survey_answer where response_id = ? and question_id = ?", p.responseId(), question);
            }
        }
        jdbc.update("update survey_response set current_question = null, path = ?, completed_at = ? where id = ?",
                String.join(",", path), now(), p.responseId());
        jdbc.update("update survey_participant set completed = true, response_id = case when ? then null else response_id end "
                + "where response_id = ?", p.survey().anonymous(), p.responseId());
    }

    private void save(long responseId, String current, List<String> path) {
        jdbc.update("update survey_response set current_question = ?, path = ? where id = ?", current,
                String.join(",", path), responseId);
    }

    private Progress load(Survey survey, long responseId) {
        List<Progress> found = jdbc.query("select current_question, path, completed_at from survey_response where id = ?",
                (rs, n) -> {
                    String path = rs.getString(2);
                    List<String> steps = path.isEmpty() ? List.of() : Arrays.asList(path.split(","));
                    String current = rs.getString(1);
                    // a survey file edited since: resume at the first question that still exists
                    if (current != null && survey.question(current).isEmpty()) {
                        current = survey.questions().get(0).id();
                        steps = List.of();
                    }
                    return new Progress(responseId, survey, current, List.copyOf(steps), rs.getTimestamp(3) != null);
                }, responseId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The chats (as {@link #chatHash} values) that completed a response to the survey, for or without a child. */
    java.util.Set<String> completedChatHashes(Survey survey) {
        return new java.util.HashSet<>(jdbc.queryForList(
                "select distinct chat_hash from survey_participant where survey_id = ? and completed", String.class,
                survey.id()));
    }

    /** A parent deleted their data: their named answers, their progress and their markers go. */
    @EventListener
    @Transactional
    public void onParentDataDeleted(ParentDataDeleted event) {
        ChatAddress chat = event.chat();
        String hash = chatHash(chat);
        jdbc.update("""
                delete from survey_response r where r.completed_at is null and r.id in
                  (select response_id from survey_participant where chat_hash = ? and response_id is not null)""", hash);
        jdbc.update("delete from survey_participant where chat_hash = ?", hash);
        jdbc.update("delete from survey_response where channel = ? and chat_id = ?", chat.channel(), chat.chatId());
        jdbc.update("delete from survey_invitation where channel = ? and chat_id = ?", chat.channel(), chat.chatId());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private String childHash(Respondent who) {
        return who.childKey() == null || who.childKey().isEmpty() ? "" : hmac("child\n" + who.chat().key() + "\n" + who.childKey());
    }

    String chatHash(ChatAddress chat) {
        return hmac("chat\n" + chat.key());
    }

    private String hmac(String value) {
        try {
            if (salt == null) {
                salt = jdbc.queryForObject("select salt from survey_secret where id = 1", String.class)
                        .getBytes(StandardCharsets.UTF_8);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isChoice(Kind kind) {
        return kind != Kind.TEXT;
    }
}
