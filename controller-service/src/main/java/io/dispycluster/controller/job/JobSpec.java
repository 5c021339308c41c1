package io.dispycluster.controller.job;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.dispycluster.model.job.CrawlOptions;
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
 * @param options the optional crawl fields, checked (absent ones null: the worker's
 * defaults apply)
 * @param nodeLabels the labels a worker must have (every pair) to be given the job; empty
 * when any worker will do
 */
public record JobSpec(String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
		int maxDurationS, CrawlOptions options, Map<String, String> nodeLabels) {

	public JobSpec {
		nodeLabels = (nodeLabels != null) ? Collections.unmodifiableMap(new TreeMap<>(nodeLabels)) : Map.of();
	}

	/** A spec that any worker may run. */
	public JobSpec(String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority, int maxDurationS,
			CrawlOptions options) {
		this(startUrl, maxPages, sameOriginOnly, timeoutS, priority, maxDurationS, options, Map.of());
	}

	/** A spec without crawl options. */
	public JobSpec(String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
			int maxDurationS) {
		this(startUrl, maxPages, sameOriginOnly, timeoutS, priority, maxDurationS, CrawlOptions.none());
	}

	/** The part of the spec a worker needs, without the crawl options. */
	public ScrapeSpec toScrapeSpec() {
		return new ScrapeSpec(this.startUrl, this.maxPages, this.sameOriginOnly, this.timeoutS, this.maxDurationS);
	}

	/** Whether any crawl option is set. */
	public boolean hasOptions() {
		return hasAny(this.options);
	}

	static boolean hasAny(CrawlOptions options) {
		return options.maxDepth() != null || options.includePatterns() != null || options.excludePatterns() != null
				|| options.delayMs() != null || options.userAgent() != null || options.extract() != null;
	}

}
