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
import ru.kruzhok.staff.StaffCommand;

/**
 * /suggestions for admins: the paraphrases staff proposed, each with «Принять» / «Отклонить».
 * Accepting adds it to the topic in the running matcher at once.
 */
@Component
class SuggestionsCommand implements StaffCommand {

    static final String ACCEPT = FaqSuggestionButtons.PREFIX + "ok:";
    static final String REJECT = FaqSuggestionButtons.PREFIX + "no:";
    private static final int LIST = 10;

    private final FaqSuggestions suggestions;
    private final FaqSuggestionDecisions decisions;
    private final FaqMatcher matcher;
    private final StaffAccess access;

    SuggestionsCommand(FaqSuggestions suggestions, FaqSuggestionDecisions decisions, FaqMatcher matcher,
                       StaffAccess access) {
        this.suggestions = suggestions;
        this.decisions = decisions;
        this.matcher = matcher;
        this.access = access;
    }

    @Override
    public String name() {
        return "suggestions";
    }

    @Override
    public Role role() {
        return Role.ADMIN;
    }

    @Override
    public String description() {
        return "Предложения в базу ответов";
    }

    @Override
    public List<Reply> handle(Incoming in) {
        return list();
    }

    /** «Принять» / «Отклонить» under a suggestion ({@link FaqSuggestionButtons} hands them here). */
    Optional<List<Reply>> decide(Incoming in, String payload) {
        if (!(payload.startsWith(ACCEPT) || payload.startsWith(REJECT))) {
            return Optional.empty();
        }
        if (!access.isAdmin(in)) {
            return Optional.of(List.of(Reply.text("Решение о базе ответов принимает администратор.")));
        }
        boolean accept = payload.startsWith(ACCEPT);
        String id = payload.substring((accept ? ACCEPT : REJECT).length());
        if (!id.matches("\\d{1,18}") || !decisions.decide(Long.parseLong(id), accept, AuditLog.actorOf(in))) {
            return Optional.of(List.of(Reply.text("Это предложение уже рассмотрено.")));
        }
        return Optional.of(List.of(Reply.text(accept ? "✅ Добавлено в базу ответов." : "✖ Отклонено.")));
    }

    private List<Reply> list() {
        List<FaqSuggestions.Suggestion> pending = suggestions.pending(LIST);
        if (pending.isEmpty()) {
            return List.of(Reply.text("Новых предложений в базу ответов нет."));
        }
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.text("📚 Предложения в базу ответов: " + pending.size()
                + (pending.size() == LIST ? " (первые " + LIST + ")" : "")));
        for (FaqSuggestions.Suggestion s : pending) {
            String topic = matcher.topic(s.topicId()).map(FaqTopic::title).orElse(s.topicId());
            replies.add(Reply.text("«" + Markup.escape(s.paraphrase()) + "»\nТема: **" + Markup.escape(topic) + "**")
                    .withButtonRow(Button.action("✅ Принять", ACCEPT + s.id()), Button.action("✖ Отклонить", REJECT + s.id())));
        }
        return replies;
    }
}
