package io.dispycluster.controller.job;

import io.dispycluster.model.job.ScrapeSpec;

/**
 * What a job asks for, validated and with every default applied.
 *
 * @param startUrl the http(s) URL the crawl starts from
 * @param maxPages pages to crawl at most, 1..1000
 * @param sameOriginOnly follow only same-origin links
 * @param timeoutS timeout of each page request in seconds, 1..300
 * @param priority 1..10, higher runs first
 * @param maxDurationS budget of the whole crawl in seconds
 */
public record JobSpec(String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
		int maxDurationS) {

	/** The part of the spec a worker needs. */
	public ScrapeSpec toScrapeSpec() {
		return new ScrapeSpec(this.startUrl, this.maxPages, this.sameOriginOnly, this.timeoutS, this.maxDurationS);
	}

}
