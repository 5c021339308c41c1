package io.dispycluster.worker.crawl;

import java.time.Duration;

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
 */
public record CrawlOrder(String startUrl, int maxPages, boolean sameOriginOnly, Duration requestTimeout,
		Duration budget, Duration politenessDelay) {
}
