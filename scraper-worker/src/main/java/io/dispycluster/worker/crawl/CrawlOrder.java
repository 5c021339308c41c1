package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.dispycluster.worker.extract.FieldRule;
import org.jspecify.annotations.Nullable;

/**
 * One crawl to run, validated, with every default applied.
 *
 * @param startUrl the start URL, an absolute http(s) URL in normal form
 * @param maxPages pages to crawl at most; pages that fail do not count
 * @param sameOriginOnly follow only links whose host and port equal the start URL's
 * @param requestTimeout the budget of each request, body included
 * @param budget the budget of the whole crawl; when it runs out the crawl ends with what
 * it has
 * @param politenessDelay the least time between two requests to the same host
 * @param maxDepth the most links followed from the start URL
 * @param includePatterns when not empty, links are followed only if one of these matches
 * in their URL
 * @param excludePatterns links are not followed if one of these matches in their URL
 * @param userAgent the {@code User-Agent} to send instead of the worker's, or null
 * @param extract the fields to read from every crawled page
 */
public record CrawlOrder(String startUrl, int maxPages, boolean sameOriginOnly, Duration requestTimeout,
		Duration budget, Duration politenessDelay, int maxDepth, List<Pattern> includePatterns,
		List<Pattern> excludePatterns, @Nullable String userAgent, List<FieldRule> extract) {

	public CrawlOrder {
		includePatterns = List.copyOf(includePatterns);
		excludePatterns = List.copyOf(excludePatterns);
		extract = List.copyOf(extract);
	}

}
