package io.dispycluster.model.job;

import org.jspecify.annotations.Nullable;

/**
 * What the crawl learned about one crawled page.
 *
 * @param url the page's URL as it was requested
 * @param status the HTTP status of the response
 * @param title the document's title, or null when it has none
 * @param depth the number of links followed from the start URL (0 for the start page)
 * @param links the number of {@code <a href>} links found on the page
 */
public record PageSummary(String url, int status, @Nullable String title, int depth, int links) {
}
