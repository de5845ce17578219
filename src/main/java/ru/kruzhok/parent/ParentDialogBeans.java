package ru.kruzhok.parent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogProvider;

/**
 * The names the onboarding and settings flows use in {@code dialogs/} ({@code onboarding.yaml},
 * {@code settings.yaml}), each bound to one method of the service that owns the behaviour.
 */
@Configuration(proxyBeanMethods = false)
class ParentDialogBeans {

    @Bean
    DialogAction parentConsentAction(PersonalData data) {
        return DialogAction.of("parent.consent", data::consent);
    }

    @Bean
    DialogAction parentDeleteAction(PersonalData data) {
        return DialogAction.of("parent.delete", (ctx, arg) -> data.delete(ctx));
    }

    @Bean
    DialogAction parentAddChildAction(ProfileChildren children) {
        return DialogAction.of("parent.add-child", (ctx, arg) -> children.add(ctx));
    }

    @Bean
    DialogAction parentClearChildrenAction(ProfileChildren children) {
        return DialogAction.of("parent.clear-children", (ctx, arg) -> children.clear(ctx));
    }

    @Bean
    DialogProvider municipalityChoicesProvider(ProfilePreferences preferences) {
        return DialogProvider.of("municipality.choices", preferences::municipalityChoices);
    }

    @Bean
    DialogAction parentMunicipalityAction(ProfilePreferences preferences) {
        return DialogAction.of("parent.municipality", (ctx, arg) -> preferences.chooseMunicipality(ctx));
    }

    @Bean
    DialogProvider parentInterestsProvider(ProfilePreferences preferences) {
        return DialogProvider.of("parent.interests", preferences::interestChoices);
    }

    @Bean
    DialogAction parentInterestAction(ProfilePreferences preferences) {
        return DialogAction.of("parent.interest", (ctx, arg) -> preferences.toggleInterest(ctx));
    }

    @Bean
    DialogAction parentNotificationsAction(ProfilePreferences preferences) {
        return DialogAction.of("parent.notifications", preferences::notifications);
    }

    @Bean
    DialogProvider parentSummaryProvider(ProfileSummary summary) {
        return DialogProvider.of("parent.summary", summary::summary);
    }
}
