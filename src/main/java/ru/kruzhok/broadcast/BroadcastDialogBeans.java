package ru.kruzhok.broadcast;

import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogContext;
import ru.kruzhok.dialog.DialogProvider;

/**
 * The names {@code dialogs/staff/broadcast.yaml} uses, each bound to one method of
 * {@link BroadcastComposer}: a class per name would only forward the call.
 */
@Configuration(proxyBeanMethods = false)
class BroadcastDialogBeans {

    private record NamedAction(String name, Function<DialogContext, String> body) implements DialogAction {
        @Override
        public String run(DialogContext context, String arg) {
            return body.apply(context);
        }
    }

    private record NamedProvider(String name, Function<DialogContext, Content> body) implements DialogProvider {
        @Override
        public Content provide(DialogContext context) {
            return body.apply(context);
        }
    }

    @Bean
    DialogAction broadcastContentAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.content", composer::content);
    }

    @Bean
    DialogAction broadcastMunicipalityAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.municipality", composer::municipality);
    }

    @Bean
    DialogAction broadcastAudienceAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.audience", composer::audience);
    }

    @Bean
    DialogAction broadcastAgesAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.ages", composer::ages);
    }

    @Bean
    DialogAction broadcastDirectionAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.direction", composer::direction);
    }

    @Bean
    DialogAction broadcastDirectionsDoneAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.directions-done", composer::directionsDone);
    }

    @Bean
    DialogAction broadcastSurveyAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.survey", composer::survey);
    }

    @Bean
    DialogAction broadcastConfirmAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.confirm", composer::confirm);
    }

    @Bean
    DialogAction broadcastScheduleAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.schedule", composer::schedule);
    }

    @Bean
    DialogAction broadcastDropAction(BroadcastComposer composer) {
        return new NamedAction("broadcast.drop", composer::drop);
    }

    @Bean
    DialogProvider broadcastMunicipalitiesProvider(BroadcastComposer composer) {
        return new NamedProvider("broadcast.municipalities", composer::municipalityChoices);
    }

    @Bean
    DialogProvider broadcastAudiencesProvider(BroadcastComposer composer) {
        return new NamedProvider("broadcast.audiences", composer::audienceChoices);
    }

    @Bean
    DialogProvider broadcastDirectionsProvider(BroadcastComposer composer) {
        return new NamedProvider("broadcast.directions", composer::directionChoices);
    }

    @Bean
    DialogProvider broadcastSurveysProvider(BroadcastComposer composer) {
        return new NamedProvider("broadcast.surveys", composer::surveyChoices);
    }

    @Bean
    DialogProvider broadcastPreviewProvider(BroadcastComposer composer) {
        return new NamedProvider("broadcast.preview", composer::preview);
    }

    @Bean
    DialogProvider broadcastTimeProvider(BroadcastComposer composer) {
        return new NamedProvider("broadcast.time", composer::time);
    }
}
