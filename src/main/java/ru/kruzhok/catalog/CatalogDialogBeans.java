package ru.kruzhok.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.kruzhok.dialog.DialogBindings;

/**
 * The names the search flow ({@code dialogs/search.yaml}) and the settings' saved searches use,
 * each bound to one method of the service that owns the behaviour.
 */
@Configuration(proxyBeanMethods = false)
class CatalogDialogBeans {

    @Bean
    DialogBindings catalogSteps(SearchFilters filters, SearchFilterChoices choices, SearchResults results,
                                SearchResultButtons buttons, ProgramCard card, SavedSearchSettings settings) {
        return new DialogBindings()
                .action("catalog.start", filters::start)
                .action("catalog.filter", filters::choose)
                .provider("catalog.directions", choices::directions)
                .provider("catalog.ages", choices::ages)
                .provider("catalog.districts", choices::districts)
                .provider("catalog.results", results::page)
                .action("catalog.pick", buttons::press)
                .provider("catalog.program", card::chosen)
                .provider("catalog.saved-searches", settings::list)
                .action("catalog.unwatch", settings::unwatch);
    }
}
