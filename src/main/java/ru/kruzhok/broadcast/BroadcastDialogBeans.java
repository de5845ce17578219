package ru.kruzhok.broadcast;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogProvider;

/**
 * The names {@code dialogs/staff/broadcast.yaml} uses, each bound to one method of
 * {@link BroadcastComposer}: a class per name would only forward the call. The flow's actions take
 * no {@code arg}: what was chosen is the choice's value.
 */
@Configuration(proxyBeanMethods = false)
class BroadcastDialogBeans {

    @Bean
    DialogAction broadcastContentAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.content", (ctx, arg) -> composer.content(ctx));
    }

    @Bean
    DialogAction broadcastMunicipalityAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.municipality", (ctx, arg) -> composer.municipality(ctx));
    }

    @Bean
    DialogAction broadcastAudienceAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.audience", (ctx, arg) -> composer.audience(ctx));
    }

    @Bean
    DialogAction broadcastAgesAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.ages", (ctx, arg) -> composer.ages(ctx));
    }

    @Bean
    DialogAction broadcastDirectionAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.direction", (ctx, arg) -> composer.direction(ctx));
    }

    @Bean
    DialogAction broadcastDirectionsDoneAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.directions-done", (ctx, arg) -> composer.directionsDone(ctx));
    }

    @Bean
    DialogAction broadcastSurveyAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.survey", (ctx, arg) -> composer.survey(ctx));
    }

    @Bean
    DialogAction broadcastConfirmAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.confirm", (ctx, arg) -> composer.confirm(ctx));
    }

    @Bean
    DialogAction broadcastSendNowAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.send-now", (ctx, arg) -> composer.sendNow(ctx));
    }

    @Bean
    DialogAction broadcastScheduleAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.schedule", (ctx, arg) -> composer.schedule(ctx));
    }

    @Bean
    DialogAction broadcastDropAction(BroadcastComposer composer) {
        return DialogAction.of("broadcast.drop", (ctx, arg) -> composer.drop(ctx));
    }

    @Bean
    DialogProvider broadcastMunicipalitiesProvider(BroadcastComposer composer) {
        return DialogProvider.of("broadcast.municipalities", composer::municipalityChoices);
    }

    @Bean
    DialogProvider broadcastAudiencesProvider(BroadcastComposer composer) {
        return DialogProvider.of("broadcast.audiences", composer::audienceChoices);
    }

    @Bean
    DialogProvider broadcastDirectionsProvider(BroadcastComposer composer) {
        return DialogProvider.of("broadcast.directions", composer::directionChoices);
    }

    @Bean
    DialogProvider broadcastSurveysProvider(BroadcastComposer composer) {
        return DialogProvider.of("broadcast.surveys", composer::surveyChoices);
    }

    @Bean
    DialogProvider broadcastPreviewProvider(BroadcastComposer composer) {
        return DialogProvider.of("broadcast.preview", composer::preview);
    }

    @Bean
    DialogProvider broadcastTimeProvider(BroadcastComposer composer) {
        return DialogProvider.of("broadcast.time", composer::time);
    }
}
