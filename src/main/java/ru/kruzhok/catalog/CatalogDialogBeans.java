package ru.kruzhok.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogAction;
import ru.kruzhok.dialog.DialogProvider;

/**
 * The names the search flow ({@code dialogs/search.yaml}) and the settings' saved searches use,
 * each bound to one method of the service that owns the behaviour.
 */
@Configuration(proxyBeanMethods = false)
class CatalogDialogBeans {

    @Bean
    DialogAction catalogStartAction(SearchFilters filters) {
        return DialogAction.of("catalog.start", (ctx, arg) -> filters.start(ctx));
    }

    @Bean
    DialogAction catalogFilterAction(SearchFilters filters) {
        return DialogAction.of("catalog.filter", filters::choose);
    }

    @Bean
    DialogProvider catalogDirectionsProvider(SearchFilterChoices choices) {
        return DialogProvider.of("catalog.directions", choices::directions);
    }

    @Bean
    DialogProvider catalogAgesProvider(SearchFilterChoices choices) {
        return DialogProvider.of("catalog.ages", choices::ages);
    }

    @Bean
    DialogProvider catalogDistrictsProvider(SearchFilterChoices choices) {
        return DialogProvider.of("catalog.districts", choices::districts);
    }

    @Bean
    DialogProvider catalogResultsProvider(SearchResults results) {
        return DialogProvider.of("catalog.results", results::page);
    }

    @Bean
    DialogAction catalogPickAction(SearchResultButtons buttons) {
        return DialogAction.of("catalog.pick", (ctx, arg) -> buttons.press(ctx));
    }

    @Bean
    DialogProvider catalogProgramProvider(ProgramCard card) {
        return DialogProvider.of("catalog.program", card::chosen);
    }

    @Bean
    DialogProvider catalogSavedSearchesProvider(SavedSearchSettings settings) {
        return DialogProvider.of("catalog.saved-searches", settings::list);
    }

    @Bean
    DialogAction catalogUnwatchAction(SavedSearchSettings settings) {
        return DialogAction.of("catalog.unwatch", (ctx, arg) -> settings.unwatch(ctx));
    }
}
