package ru.kruzhok.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;

/**
 * Where a typed question goes once the free-text router has read it as a question: the answer, «Возможно,
 * вы имели в виду…», the offer to pass it to a person, or «это не к нам» for other public services.
 * Takes the {@link FaqMatcher.Match} the router already made, so a text is matched once.
 */
@Service
public class FaqConversation {

    /** Longer texts are cut before they are kept for the hand-over: nobody types more. */
    private static final int MAX_KEPT = 1000;

    private final QuestionDesk desk;
    private final ApplicationEventPublisher events;

    FaqConversation(QuestionDesk desk, ApplicationEventPublisher events) {
        this.desk = desk;
        this.events = events;
    }

    /** Shows the topic's answer with 👍/👎 and related topics. */
    public void answer(DialogContext ctx, FaqMatcher.Match match, String text) {
        asked(ctx, FaqMatcher.Decision.ANSWER, text);
        DeskHandover.rememberTopic(ctx, match.topic());
        events.publishEvent(new FaqAnswered(ctx.municipality(), match.topic()));
        ctx.setVar(FaqChat.TOPIC, match.topic());
        ctx.goTo("certificate.answer");
    }

    /** «Возможно, вы имели в виду…» with the best topic and up to two runners-up as buttons. */
    public void guess(DialogContext ctx, FaqMatcher.Match match, String text) {
        asked(ctx, FaqMatcher.Decision.SUGGEST, text);
        List<String> ids = new ArrayList<>();
        if (match.topic() != null) {
            ids.add(match.topic());
        }
        match.alternatives().stream().map(FaqMatcher.Alternative::topic).filter(id -> !ids.contains(id))
                .limit(3 - ids.size()).forEach(ids::add);
        ids.forEach(id -> DeskHandover.rememberTopic(ctx, id));
        ctx.setVar(FaqChat.SUGGESTIONS, String.join(",", ids));
        ctx.goTo("certificate.suggest");
    }

    /** Nothing in the knowledge base answers it: offer to pass it to a person at the МОЦ. */
    public void offerPerson(DialogContext ctx, String text) {
        asked(ctx, FaqMatcher.Decision.HANDOVER, text);
        ctx.goTo("certificate.handover");
    }

    /**
     * A question about something the МОЦ does not handle (a doctor, the school, benefits): say so
     * kindly, point where such questions go if the file says, and still offer a person.
     */
    public void outOfScope(DialogContext ctx, FaqMatcher.Match match, String text) {
        asked(ctx, FaqMatcher.Decision.HANDOVER, text);
        ctx.setVar(FaqChat.OUTSIDE, match.outsideKind().map(FaqMatcher.Alternative::topic).orElse(null));
        ctx.goTo("certificate.outside");
    }

    private void asked(DialogContext ctx, FaqMatcher.Decision decision, String text) {
        desk.count(ctx.municipality(), decision);
        ctx.setVar(FaqChat.QUESTION, text.length() > MAX_KEPT ? text.substring(0, MAX_KEPT) : text);
        DeskHandover.rememberLine(ctx, text); // the last lines staff see with a handed-over question
        ctx.setVar(FaqChat.OUTSIDE, null);
    }

    /**
     * {@code faq.outside}: the reply for the kind of out-of-scope question, {@code faq_outside.<kind>}
     * from texts.yaml («outside.school» → {@code faq_outside.school}), else the general {@code faq_outside}.
     */
    static DialogProvider.Content outsideReply(DialogContext ctx) {
        String kind = ctx.var(FaqChat.OUTSIDE);
        String key = kind == null ? null : "faq_outside." + kind.substring(kind.indexOf('.') + 1);
        String reply = key == null ? null : ctx.text(key);
        if (reply == null || reply.equals(key)) {
            reply = ctx.text("faq_outside");
        }
        return new DialogProvider.Content(Map.of("faq.outside-reply", reply), List.of(), 1);
    }
}
