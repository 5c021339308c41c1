package io.dispycluster.model.job;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /scrape}, exactly the upstream contract. Every option is
 * nullable so that the controller can tell "absent" (take the default) from a bad value,
 * and name the field in a 422.
 *
 * @param startUrl the http(s) URL the crawl starts from
 * @param maxPages pages to crawl at most, 1..1000, default 10
 * @param sameOriginOnly follow only links with the start URL's host and port, default
 * true
 * @param timeoutS timeout of each page request in seconds, 1..300, default 30
 * @param priority 1..10, higher runs first, default 1
 * @param maxDurationS budget of the whole crawl in seconds, default one hour
 */
public record ScrapeRequest(@Nullable String startUrl, @Nullable Integer maxPages, @Nullable Boolean sameOriginOnly,
		@Nullable Integer timeoutS, @Nullable Integer priority, @Nullable Integer maxDurationS) {
}
