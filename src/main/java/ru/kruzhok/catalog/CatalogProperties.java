package ru.kruzhok.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * kruzhok.catalog.*
 *
 * @param loadSample    load the bundled sample catalog when the catalog has never had a program,
 *                      so a fresh install has something to search (turn off for a real deployment
 *                      that imports its own file first)
 * @param sample        the bundled sample (a classpath or file resource)
 */
@ConfigurationProperties("kruzhok.catalog")
record CatalogProperties(
        @DefaultValue("true") boolean loadSample,
        @DefaultValue("classpath:catalog/sample-catalog.csv") String sample) {
}
