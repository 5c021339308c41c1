package io.dispycluster.model.job;

/**
 * What a worker needs to crawl one site, with every default already applied by the
 * controller.
 *
 * @param startUrl the http(s) URL the crawl starts from
 * @param maxPages pages to crawl at most (pages that fail do not count)
 * @param sameOriginOnly follow only links whose host and port equal the start URL's
 * @param timeoutS timeout of each page request in seconds
 * @param maxDurationS budget of the whole crawl in seconds
 */
public record ScrapeSpec(String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int maxDurationS) {
}
