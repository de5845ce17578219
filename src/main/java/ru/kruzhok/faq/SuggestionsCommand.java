package ru.kruzhok.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Button;
import ru.kruzhok.channel.Incoming;
import ru.kruzhok.channel.IncomingFilter;
import ru.kruzhok.channel.Markup;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.staff.AuditLog;
import ru.kruzhok.staff.StaffAccess;
import ru.kruzhok.staff.StaffCommand;
import ru.kruzhok.staff.StaffFilterOrder;

/**
 * /suggestions for admins: the paraphrases staff proposed, each with «Принять» / «Отклонить».
 * Accepting adds it to the topic in the running matcher at once.
 */
@Component
@Order(StaffFilterOrder.FEATURE_COMMANDS)
class SuggestionsCommand implements IncomingFilter {

    static final String ACCEPT = StaffCommand.BUTTON_PREFIX + "kbok:";
    static final String REJECT = StaffCommand.BUTTON_PREFIX + "kbno:";
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
    public Optional<List<Reply>> intercept(Incoming in) {
        if ("suggestions".equals(in.command()) && access.isAdmin(in)) {
            return Optional.of(list());
        }
        String payload = in.type() == Incoming.Type.BUTTON ? in.payload() : null;
        if (payload == null || !(payload.startsWith(ACCEPT) || payload.startsWith(REJECT))) {
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

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        StaffCommand suggestionsStaffCommand() {
            return StaffCommand.admin("suggestions", "Предложения в базу ответов");
        }
    }
}
