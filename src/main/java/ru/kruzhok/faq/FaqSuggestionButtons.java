package ru.kruzhok.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffButton;

/**
 * «📚 В базу ответов» under a relayed staff answer: the staff member picks the topic the question
 * belongs to (the matcher's closest guesses), and it waits for an admin as a suggested paraphrase.
 * Only staff of the question's municipality (or an admin) may propose.
 */
@Component
class FaqSuggestionButtons implements StaffButton {

    /** Every answer-base button, the admins' «Принять» / «Отклонить» included. */
    static final String PREFIX = StaffButton.prefixFor("kb");
    static final String PROPOSE = PREFIX + ":";
    static final String TOPIC = PREFIX + "t:";
    static final String ALL_TOPICS = PREFIX + "a:";
    static final String DROP = PREFIX + "x";
    private static final int GUESSES = 3;

    private final FaqSuggestions suggestions;
    private final FaqMatcher matcher;
    private final StaffAccess access;
    private final AuditLog audit;
    private final SuggestionsCommand decisions;

    FaqSuggestionButtons(FaqSuggestions suggestions, FaqMatcher matcher, StaffAccess access, AuditLog audit,
                         SuggestionsCommand decisions) {
        this.decisions = decisions;
        this.suggestions = suggestions;
        this.matcher = matcher;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<List<Reply>> press(Incoming in, String data) {
        String payload = PREFIX + data;
        if (payload.startsWith(SuggestionsCommand.ACCEPT) || payload.startsWith(SuggestionsCommand.REJECT)) {
            return decisions.decide(in, payload);
        }
        if (payload.equals(DROP)) {
            return reply("Хорошо, не добавляю.");
        }
        if (payload.startsWith(PROPOSE)) {
            return question(in, payload.substring(PROPOSE.length())).map(q -> topicChoice(q, false))
                    .or(() -> reply(GONE));
        }
        if (payload.startsWith(ALL_TOPICS)) {
            return question(in, payload.substring(ALL_TOPICS.length())).map(q -> topicChoice(q, true))
                    .or(() -> reply(GONE));
        }
        if (payload.startsWith(TOPIC)) {
            String[] parts = payload.substring(TOPIC.length()).split(":", 2);
            Optional<FaqSuggestions.AnsweredQuestion> question = question(in, parts[0]);
            Optional<FaqTopic> topic = parts.length == 2 ? matcher.topic(parts[1]) : Optional.empty();
            if (question.isEmpty() || topic.isEmpty()) {
                return reply(GONE);
            }
            String by = AuditLog.actorOf(in);
            if (suggestions.suggest(question.get(), topic.get().id(), by).isEmpty()) {
                return reply("Этот вопрос уже предложен в базу ответов.");
            }
            audit.record(by, "faq.suggest", "question " + question.get().id() + " topic " + topic.get().id());
            return reply("📚 Вопрос предложен в тему «" + Markup.escape(topic.get().title())
                    + "». Администратор проверит и добавит его в базу ответов.");
        }
        return Optional.empty();
    }

    private static final String GONE = "Этот вопрос уже недоступен: его удалили или ещё не ответили на него.";

    /** The question, if it exists, was answered, and the person may act for its municipality. */
    private Optional<FaqSuggestions.AnsweredQuestion> question(Incoming in, String id) {
        if (!id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return suggestions.answeredQuestion(Long.parseLong(id))
                .filter(q -> q.municipality() == null ? access.isAdmin(in) : access.mayAct(in, q.municipality()));
    }

    /** The matcher's closest guesses first; every topic when staff ask for them. */
    private List<Reply> topicChoice(FaqSuggestions.AnsweredQuestion question, boolean all) {
        List<FaqTopic> topics = all ? matcher.topics() : matcher.likelyTopics(question.text(), GUESSES).stream()
                .flatMap(id -> matcher.topic(id).stream()).toList();
        List<List<Button>> rows = new ArrayList<>();
        for (FaqTopic t : topics) {
            rows.add(List.of(Button.action(t.title(), TOPIC + question.id() + ":" + t.id())));
        }
        if (!all) {
            rows.add(List.of(Button.action("📋 Другая тема…", ALL_TOPICS + question.id())));
        }
        rows.add(List.of(Button.action("✖ Не добавлять", DROP)));
        return List.of(Reply.text("К какой теме отнести вопрос «" + Markup.escape(shorten(question.text())) + "»?")
                .withButtons(rows));
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static Optional<List<Reply>> reply(String text) {
        return Optional.of(List.of(Reply.text(text)));
    }
}
