package io.dispycluster.deploy;

/**
 * The end-to-end scrape scenarios on the default H2 files, as {@code ./dispycluster up}
 * runs them.
 */
class ScrapeEndToEndIT extends ScrapeScenarios {

}
