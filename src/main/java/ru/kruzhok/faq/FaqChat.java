package ru.kruzhok.faq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.kruzhok.channel.Reply;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;
import ru.kruzhok.dialog.FreeTextAnswerer;

/**
 * Certificate and Navigator questions in the chat (flow {@code certificate} in dialogs/): typed
 * questions are matched; a confident match shows the answer with 👍/👎 and related topics, a middling
 * one offers «Возможно, вы имели в виду…», anything else is offered to a person at the МОЦ. The
 * topics are also browsable as buttons.
 */
final class FaqChat {

    static final String TOPIC = "faq.topic";
    static final String SUGGESTIONS = "faq.suggestions";
    static final String QUESTION = "faq.question";
    /** The topic whose answer is "open the program search". */
    static final String SEARCH_ACTION = "catalog.search";

    private FaqChat() {
    }

    /**
     * Free text anywhere, first pass: a question the bot is sure about is answered (before the
     * catalog reads it as a search phrase).
     */
    @Component
    @Order(10)
    static class Questions implements FreeTextAnswerer {
        private final FaqMatcher matcher;
        private final QuestionDesk desk;

        Questions(FaqMatcher matcher, QuestionDesk desk) {
            this.matcher = matcher;
            this.desk = desk;
        }

        @Override
        public Optional<List<Reply>> answer(DialogContext ctx, String text) {
            FaqMatcher.Match match = matcher.match(text, ctx.municipality());
            desk.count(ctx.municipality(), match.decision());
            ctx.setVar(QUESTION, text.length() > 1000 ? text.substring(0, 1000) : text);
            if (match.decision() != FaqMatcher.Decision.ANSWER) {
                return Optional.empty();
            }
            if (matcher.topic(match.topic()).map(t -> SEARCH_ACTION.equals(t.action())).orElse(false)) {
                ctx.goTo("search.direction");
                return Optional.of(List.of());
            }
            ctx.setVar(TOPIC, match.topic());
            ctx.goTo("certificate.answer");
            return Optional.of(List.of());
        }
    }

    /**
     * Second pass, after the catalog's search phrases: «Возможно, вы имели в виду…» with the two or
     * three best topics when the bot is only half sure.
     */
    @Component
    @Order(30)
    static class Guesses implements FreeTextAnswerer {
        private final FaqMatcher matcher;

        Guesses(FaqMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public Optional<List<Reply>> answer(DialogContext ctx, String text) {
            FaqMatcher.Match match = matcher.match(text, ctx.municipality());
            if (match.decision() != FaqMatcher.Decision.SUGGEST) {
                return Optional.empty();
            }
            List<String> ids = new ArrayList<>();
            ids.add(match.topic());
            match.alternatives().stream().limit(2).forEach(a -> ids.add(a.topic()));
            ctx.setVar(SUGGESTIONS, String.join(",", ids));
            ctx.goTo("certificate.suggest");
            return Optional.of(List.of());
        }
    }

    /** Whatever nobody else answered: offer to pass the question to a person (never an invented answer). */
    @Component
    @Order(100)
    static class Handover implements FreeTextAnswerer {
        @Override
        public Optional<List<Reply>> answer(DialogContext ctx, String text) {
            if (text.codePoints().noneMatch(Character::isLetter)) {
                return Optional.empty(); // emoji or digits only: nothing to pass on, the menu helps more
            }
            ctx.setVar(QUESTION, text.length() > 1000 ? text.substring(0, 1000) : text);
            ctx.goTo("certificate.handover");
            return Optional.of(List.of());
        }
    }

    /** {@code faq.topics}: topics as buttons, by category. */
    @Component
    static class Topics implements DialogProvider {
        private final FaqMatcher matcher;

        Topics(FaqMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public String name() {
            return "faq.topics";
        }

        @Override
        public Content provide(DialogContext ctx) {
            List<Choice> choices = matcher.topics().stream()
                    .map(t -> new Choice(t.title(), t.id()))
                    .toList();
            return new Content(null, choices, 2);
        }
    }

    /** {@code faq.answer}: the chosen topic's answer ({faq.answer}) and related topics as buttons. */
    @Component
    static class Answer implements DialogProvider {
        private final FaqMatcher matcher;

        Answer(FaqMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public String name() {
            return "faq.answer";
        }

        @Override
        public Content provide(DialogContext ctx) {
            String topic = ctx.var(TOPIC);
            String answer = topic == null ? null : matcher.answer(topic, ctx.municipality()).orElse(null);
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("faq.answer", answer == null ? ctx.text("faq_gone") : answer);
            List<Choice> related = topic == null ? List.of() : matcher.topic(topic).map(t -> t.related().stream()
                    .flatMap(id -> matcher.topic(id).stream())
                    .map(r -> new Choice("❓ " + r.title(), r.id())).limit(3).toList()).orElse(List.of());
            return new Content(vars, related, 1);
        }
    }

    /** {@code faq.suggestions}: «Возможно, вы имели в виду…» — the two or three best topics. */
    @Component
    static class Suggestions implements DialogProvider {
        private final FaqMatcher matcher;

        Suggestions(FaqMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public String name() {
            return "faq.suggestions";
        }

        @Override
        public Content provide(DialogContext ctx) {
            String ids = ctx.var(SUGGESTIONS);
            List<Choice> choices = ids == null ? List.of() : java.util.Arrays.stream(ids.split(","))
                    .flatMap(id -> matcher.topic(id).stream())
                    .map(t -> new Choice(t.title(), t.id())).toList();
            return new Content(null, choices, 1);
        }
    }

    /** {@code faq.open}: shows a topic chosen by a button (checked: only existing topics), or opens search. */
    @Component
    static class Open implements DialogAction {
        private final FaqMatcher matcher;

        Open(FaqMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public String name() {
            return "faq.open";
        }

        @Override
        public String run(DialogContext ctx, String arg) {
            String id = ctx.value();
            ctx.setVar("choice", null);
            Optional<FaqTopic> topic = matcher.topic(id);
            if (topic.isEmpty()) {
                return RETRY;
            }
            if (SEARCH_ACTION.equals(topic.get().action())) {
                return "search";
            }
            ctx.setVar(TOPIC, topic.get().id());
            ctx.setVar(QUESTION, null);
            return null;
        }
    }

    /** {@code faq.handover}: passes the parent's question to a person at the МОЦ. */
    @Component
    static class HandoverAction implements DialogAction {
        private final QuestionDesk desk;

        HandoverAction(QuestionDesk desk) {
            this.desk = desk;
        }

        @Override
        public String name() {
            return "faq.handover";
        }

        @Override
        public String run(DialogContext ctx, String arg) {
            String question = ctx.var(QUESTION);
            if (question == null || question.isBlank()) {
                return "ask";
            }
            desk.submit(ctx.chat(), ctx.municipality(), question);
            // the question is with the МОЦ now; the conversation does not need to keep its text
            ctx.setVar(QUESTION, null);
            return null;
        }
    }

    /** {@code faq.ask}: a question typed into the «Задать вопрос» step is remembered for the hand-over. */
    @Component
    static class AskAction implements DialogAction {
        @Override
        public String name() {
            return "faq.ask";
        }

        @Override
        public String run(DialogContext ctx, String arg) {
            ctx.setVar(QUESTION, ctx.value());
            ctx.setVar("choice", null);
            return null;
        }
    }

    /** {@code faq.feedback up|down}: counts 👍/👎; a 👎 leads to the hand-over. */
    @Component
    static class Feedback implements DialogAction {
        private final io.micrometer.core.instrument.MeterRegistry meters;

        Feedback(io.micrometer.core.instrument.MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public String name() {
            return "faq.feedback";
        }

        @Override
        public String run(DialogContext ctx, String arg) {
            boolean up = "up".equals(arg);
            meters.counter("kruzhok.faq.feedback", "vote", up ? "up" : "down").increment();
            return up ? "up" : "down";
        }
    }
}
