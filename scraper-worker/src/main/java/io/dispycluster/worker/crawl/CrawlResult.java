package io.dispycluster.worker.crawl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dispycluster.model.job.PiiFindings;
import io.dispycluster.model.job.ScrapeResult;

/**
 * What a crawl produced, as the worker sends it. On the wire it is a superset of the
 * contract's {@link ScrapeResult}: the same {@code crawled}, {@code pii_by_url},
 * {@code errors}, {@code pages} and {@code stop_reason}, with more detail per page and
 * the number of URLs that ended in each state ({@code states}). A reader of
 * {@code ScrapeResult} sees the contract fields and ignores the rest.
 *
 * @param crawled the URLs of the pages crawled, in visit order
 * @param piiByUrl personal data found, one entry per crawled URL
 * @param errors each URL that could not be crawled, with why
 * @param pages per-page detail, in visit order
 * @param stopReason why the crawl ended: {@code frontier_exhausted},
 * {@code frontier_full}, {@code max_pages}, {@code max_result_size},
 * {@code budget_exhausted} or {@code cancelled}
 * @param states the number of URLs that ended in each state ({@code crawled},
 * {@code http_error}, {@code robots_denied}, ...), states no URL reached left out
 */
public record CrawlResult(List<String> crawled, Map<String, PiiFindings> piiByUrl, Map<String, String> errors,
		List<PageDetail> pages, String stopReason, Map<String, Integer> states) {

	public CrawlResult {
		crawled = List.copyOf(crawled);
		// Insertion order matters to readers: keep it while making the maps unmodifiable.
		piiByUrl = Collections.unmodifiableMap(new LinkedHashMap<>(piiByUrl));
		errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		pages = List.copyOf(pages);
		states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
	}

	/** The contract's view of this result. */
	public ScrapeResult contract() {
		return new ScrapeResult(this.crawled, this.piiByUrl, this.errors,
				this.pages.stream().map(PageDetail::summary).toList(), this.stopReason);
	}

}
