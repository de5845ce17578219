package ru.kruzhok.faq;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogBindings;

/**
 * The names the certificate flow uses in {@code dialogs/certificate.yaml}, each bound to one method
 * of {@link FaqChat}, {@link DeskHandover} or {@link FaqConversation}: a class per name would only
 * forward the call.
 */
@Configuration(proxyBeanMethods = false)
class FaqDialogBeans {

    @Bean
    DialogBindings faqSteps(FaqChat chat, DeskHandover handover) {
        return new DialogBindings()
                .provider("faq.topics", chat::topics)
                .provider("faq.answer", chat::answer)
                .provider("faq.suggestions", chat::suggestions)
                .provider("faq.outside", FaqConversation::outsideReply)
                .provider("faq.sent", handover::sent)
                .action("faq.open", chat::open)
                .action("faq.handover", chat::handOver)
                .action("faq.ask", chat::ask)
                .action("faq.feedback", chat::feedback);
    }
}
