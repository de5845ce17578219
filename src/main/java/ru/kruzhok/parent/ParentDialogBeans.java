package ru.kruzhok.parent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogBindings;

/**
 * The names the onboarding and settings flows use in {@code dialogs/} ({@code onboarding.yaml},
 * {@code settings.yaml}), each bound to one method of the service that owns the behaviour.
 */
@Configuration(proxyBeanMethods = false)
class ParentDialogBeans {

    @Bean
    DialogBindings parentSteps(PersonalData data, ProfileChildren children, ProfilePreferences preferences,
                               ProfileSummary summary) {
        return new DialogBindings()
                .action("parent.consent", data::consent)
                .action("parent.delete", data::delete)
                .action("parent.add-child", children::add)
                .action("parent.clear-children", children::clear)
                .provider("municipality.choices", preferences::municipalityChoices)
                .action("parent.municipality", preferences::chooseMunicipality)
                .provider("parent.interests", preferences::interestChoices)
                .action("parent.interest", preferences::toggleInterest)
                .action("parent.notifications", preferences::notifications)
                .provider("parent.summary", summary::summary);
    }
}
