package io.dispycluster.model.job;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /scrape/batch}: one job per URL, all with the same options (see
 * {@link ScrapeRequest} for their ranges and defaults). At most 50 URLs.
 *
 * @param urls the start URLs, in the order their job ids are returned
 * @param maxPages pages to crawl at most per job
 * @param sameOriginOnly follow only same-origin links
 * @param timeoutS timeout of each page request in seconds
 * @param priority 1..10, higher runs first
 * @param maxDurationS budget of each crawl in seconds
 */
public record BatchScrapeRequest(@Nullable List<@Nullable String> urls, @Nullable Integer maxPages,
		@Nullable Boolean sameOriginOnly, @Nullable Integer timeoutS, @Nullable Integer priority,
		@Nullable Integer maxDurationS) {
}
