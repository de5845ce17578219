package ru.kruzhok.broadcast;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogBindings;

/**
 * The names {@code dialogs/staff/broadcast.yaml} uses, each bound to one method of
 * {@link BroadcastComposer}: a class per name would only forward the call. The flow's actions take
 * no {@code arg}: what was chosen is the choice's value.
 */
@Configuration(proxyBeanMethods = false)
class BroadcastDialogBeans {

    @Bean
    DialogBindings broadcastSteps(BroadcastComposer composer) {
        return new DialogBindings()
                .action("broadcast.content", composer::content)
                .action("broadcast.municipality", composer::municipality)
                .action("broadcast.audience", composer::audience)
                .action("broadcast.ages", composer::ages)
                .action("broadcast.direction", composer::direction)
                .action("broadcast.directions-done", composer::directionsDone)
                .action("broadcast.survey", composer::survey)
                .action("broadcast.confirm", composer::confirm)
                .action("broadcast.send-now", composer::sendNow)
                .action("broadcast.schedule", composer::schedule)
                .action("broadcast.drop", composer::drop)
                .provider("broadcast.municipalities", composer::municipalityChoices)
                .provider("broadcast.audiences", composer::audienceChoices)
                .provider("broadcast.directions", composer::directionChoices)
                .provider("broadcast.surveys", composer::surveyChoices)
                .provider("broadcast.preview", composer::preview)
                .provider("broadcast.time", composer::time);
    }

}
