package io.dispycluster.model.job;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /scrape/batch}: one job per URL, all with the same options (see
 * {@link ScrapeRequest} for their ranges and defaults, {@link CrawlOptions} for the
 * optional crawl fields). At most 50 URLs.
 *
 * @param urls the start URLs, in the order their job ids are returned
 * @param maxPages pages to crawl at most per job
 * @param sameOriginOnly follow only same-origin links
 * @param timeoutS timeout of each page request in seconds
 * @param priority 1..10, higher runs first
 * @param maxDurationS budget of each crawl in seconds
 * @param maxDepth the most links followed from a start URL
 * @param includePatterns regular expressions a followed link must match (one of them)
 * @param excludePatterns regular expressions a followed link must not match
 * @param delayMs the least time between two requests to the same host, in milliseconds
 * @param userAgent the {@code User-Agent} to send, where the worker allows it
 * @param extract fields to read from every crawled page, by name
 * @param nodeLabels the labels a worker must have to be given the jobs
 */
public record BatchScrapeRequest(@Nullable List<@Nullable String> urls, @Nullable Integer maxPages,
		@Nullable Boolean sameOriginOnly, @Nullable Integer timeoutS, @Nullable Integer priority,
		@Nullable Integer maxDurationS, @Nullable Integer maxDepth, @Nullable List<String> includePatterns,
		@Nullable List<String> excludePatterns, @Nullable Integer delayMs, @Nullable String userAgent,
		@Nullable Map<String, ExtractRule> extract, @Nullable Map<String, String> nodeLabels) {

	/**
	 * A batch of the contract's fields and the given crawl options and labels.
	 * @param urls the start URLs
	 * @param maxPages pages to crawl at most per job
	 * @param sameOriginOnly follow only same-origin links
	 * @param timeoutS timeout of each page request in seconds
	 * @param priority 1..10
	 * @param crawl the optional crawl fields
	 * @param nodeLabels the labels a worker must have (empty: any worker)
	 * @return the batch, without a crawl budget of its own (the controller's default)
	 */
	public static BatchScrapeRequest of(List<String> urls, int maxPages, boolean sameOriginOnly, int timeoutS,
			int priority, CrawlOptions crawl, Map<String, String> nodeLabels) {
		return new BatchScrapeRequest(List.copyOf(urls), maxPages, sameOriginOnly, timeoutS, priority, null,
				crawl.maxDepth(), crawl.includePatterns(), crawl.excludePatterns(), crawl.delayMs(), crawl.userAgent(),
				crawl.extract(), nodeLabels.isEmpty() ? null : nodeLabels);
	}

}
