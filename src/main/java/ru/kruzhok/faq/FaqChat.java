package ru.kruzhok.faq;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider.Choice;
import ru.kruzhok.dialog.DialogProvider.Content;

/**
 * Certificate and Navigator questions in the chat (flow {@code certificate} in dialogs/): what its
 * steps show and do, bound to their names in {@link FaqDialogBeans}. Where a typed question lands is
 * decided by the free-text router ({@link FaqConversation}); the topics are also browsable as buttons.
 */
@Component
class FaqChat {

    static final String TOPIC = "faq.topic";
    static final String SUGGESTIONS = "faq.suggestions";
    static final String QUESTION = "faq.question";
    /** The out-of-scope kind a typed question looked like (outside.school …), for its reply. */
    static final String OUTSIDE = "faq.outside";
    /** The topic whose answer is "open the program search". */
    static final String SEARCH_ACTION = "catalog.search";

    private final FaqMatcher matcher;
    private final QuestionDesk desk;
    private final DeskHandover handover;
    private final MeterRegistry meters;

    FaqChat(FaqMatcher matcher, QuestionDesk desk, DeskHandover handover, MeterRegistry meters) {
        this.matcher = matcher;
        this.desk = desk;
        this.handover = handover;
        this.meters = meters;
    }

    /** {@code faq.topics}: topics as buttons, by category. */
    Content topics(DialogContext ctx) {
        List<Choice> choices = matcher.topics().stream()
                .map(t -> new Choice(t.title(), t.id()))
                .toList();
        return new Content(null, choices, 2);
    }

    /** {@code faq.answer}: the chosen topic's answer ({faq.answer}) and related topics as buttons. */
    Content answer(DialogContext ctx) {
        String topic = ctx.var(TOPIC);
        String answer = topic == null ? null : matcher.answer(topic, ctx.municipality()).orElse(null);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("faq.answer", answer == null ? ctx.text("faq_gone") : answer);
        List<Choice> related = topic == null ? List.of() : matcher.topic(topic).map(t -> t.related().stream()
                .flatMap(id -> matcher.topic(id).stream())
                .map(r -> new Choice("❓ " + r.title(), r.id())).limit(3).toList()).orElse(List.of());
        return new Content(vars, related, 1);
    }

    /** {@code faq.suggestions}: «Возможно, вы имели в виду…» — the two or three best topics. */
    Content suggestions(DialogContext ctx) {
        String ids = ctx.var(SUGGESTIONS);
        List<Choice> choices = ids == null ? List.of() : Arrays.stream(ids.split(","))
                .flatMap(id -> matcher.topic(id).stream())
                .map(t -> new Choice(t.title(), t.id())).toList();
        return new Content(null, choices, 1);
    }

    /** {@code faq.open}: shows a topic chosen by a button (checked: only existing topics), or opens search. */
    String open(DialogContext ctx) {
        String id = ctx.value();
        ctx.setVar("choice", null);
        Optional<FaqTopic> topic = matcher.topic(id);
        if (topic.isEmpty()) {
            return DialogAction.RETRY;
        }
        if (SEARCH_ACTION.equals(topic.get().action())) {
            return "search";
        }
        ctx.setVar(TOPIC, topic.get().id());
        ctx.setVar(QUESTION, null);
        DeskHandover.rememberTopic(ctx, topic.get().id());
        return null;
    }

    /** {@code faq.handover}: passes the parent's question to a person at the МОЦ. */
    String handOver(DialogContext ctx) {
        String question = ctx.var(QUESTION);
        if (question == null || question.isBlank()) {
            return "ask";
        }
        QuestionDesk.Submitted submitted = desk.submit(ctx.chat(), ctx.municipality(), question,
                handover.context(ctx, question));
        // the question is with the МОЦ now; the conversation does not need to keep its text
        ctx.setVar(QUESTION, null);
        ctx.setVar(DeskHandover.LINES, null);
        ctx.setVar(DeskHandover.TRIED, null);
        ctx.setVar(DeskHandover.OUTCOME, submitted.outcome().name());
        ctx.setVar(DeskHandover.WHEN, submitted.when());
        return null;
    }

    /** {@code faq.ask}: a question typed into the «Задать вопрос» step is remembered for the hand-over. */
    String ask(DialogContext ctx) {
        ctx.setVar(QUESTION, ctx.value());
        ctx.setVar("choice", null);
        return null;
    }

    /** {@code faq.feedback up|down}: counts 👍/👎; a 👎 leads to the hand-over. */
    String feedback(DialogContext ctx, String arg) {
        boolean up = "up".equals(arg);
        meters.counter("kruzhok.faq.feedback", "vote", up ? "up" : "down").increment();
        return up ? "up" : "down";
    }
}
