package ru.kruzhok.survey;

import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.ChatCommand;
import ru.kruzhok.dialog.DialogBindings;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.PlaceholderSource;

/**
 * The names the surveys flow uses in {@code dialogs/surveys.yaml}, each bound to one method of
 * {@link SurveyChat}: a class per name would only forward the call.
 */
@Configuration(proxyBeanMethods = false)
class SurveyDialogBeans {

    @Bean
    DialogBindings surveySteps(SurveyChat chat) {
        return new DialogBindings()
                .provider("survey.open", chat::openSurveys)
                .provider("survey.question", chat::question)
                .action("survey.begin", chat::begin)
                .action("survey.answer", chat::answer)
                .action("survey.answer-text", chat::answerText)
                .action("survey.back", chat::back);
    }

    /** /survey &lt;id&gt; and the deep link /start s_&lt;id&gt;: open that survey (an invitation's button). */
    @Bean
    ChatCommand surveyChatCommand(SurveyChat chat) {
        return new ChatCommand() {
            @Override
            public String name() {
                return "survey";
            }

            @Override
            public Optional<String> deepLinkPrefix() {
                return Optional.of("s_");
            }

            @Override
            public String run(DialogContext context, String args) {
                return args.isBlank() ? SurveyChat.STEP_LIST : chat.open(context, args.split("\\s+")[0]);
            }
        };
    }

    /** {survey.retry}: the retry text of the question step, which depends on the question shown. */
    @Bean
    PlaceholderSource surveyRetryText(SurveyChat chat) {
        return new PlaceholderSource() {
            @Override
            public Set<String> names() {
                return Set.of("survey.retry");
            }

            @Override
            public Optional<String> value(String name, DialogContext ctx) {
                return name.equals("survey.retry") ? chat.retryText(ctx) : Optional.empty();
            }
        };
    }
}
