package ru.kruzhok.faq;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogProvider;

/**
 * The names the certificate flow uses in {@code dialogs/certificate.yaml}, each bound to one method
 * of {@link FaqChat}, {@link DeskHandover} or {@link FaqConversation}: a class per name would only
 * forward the call.
 */
@Configuration(proxyBeanMethods = false)
class FaqDialogBeans {

    @Bean
    DialogProvider faqTopicsProvider(FaqChat chat) {
        return DialogProvider.of("faq.topics", chat::topics);
    }

    @Bean
    DialogProvider faqAnswerProvider(FaqChat chat) {
        return DialogProvider.of("faq.answer", chat::answer);
    }

    @Bean
    DialogProvider faqSuggestionsProvider(FaqChat chat) {
        return DialogProvider.of("faq.suggestions", chat::suggestions);
    }

    @Bean
    DialogProvider faqOutsideProvider() {
        return DialogProvider.of("faq.outside", FaqConversation::outsideReply);
    }

    @Bean
    DialogProvider faqSentProvider(DeskHandover handover) {
        return DialogProvider.of("faq.sent", handover::sent);
    }

    @Bean
    DialogAction faqOpenAction(FaqChat chat) {
        return DialogAction.of("faq.open", (ctx, arg) -> chat.open(ctx));
    }

    @Bean
    DialogAction faqHandoverAction(FaqChat chat) {
        return DialogAction.of("faq.handover", (ctx, arg) -> chat.handOver(ctx));
    }

    @Bean
    DialogAction faqAskAction(FaqChat chat) {
        return DialogAction.of("faq.ask", (ctx, arg) -> chat.ask(ctx));
    }

    @Bean
    DialogAction faqFeedbackAction(FaqChat chat) {
        return DialogAction.of("faq.feedback", chat::feedback);
    }
}
