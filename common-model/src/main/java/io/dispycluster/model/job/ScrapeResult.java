package io.dispycluster.model.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one crawl. {@code crawled}, {@code pii_by_url} and {@code errors} are
 * the upstream contract, kept exactly; {@code pages} and {@code stop_reason} are
 * additions.
 *
 * @param crawled the URLs of the pages crawled, in visit order
 * @param piiByUrl personal data found, one entry per crawled URL
 * @param errors each URL that could not be crawled, with why (e.g.
 * {@code "HTTP 404 / type
 * text/html"})
 * @param pages per-page detail, in visit order
 * @param stopReason why the crawl ended: {@code frontier_exhausted},
 * {@code frontier_full}, {@code max_pages}, {@code max_result_size},
 * {@code budget_exhausted} or {@code cancelled}; null when unknown
 */
public record ScrapeResult(List<String> crawled, Map<String, PiiFindings> piiByUrl, Map<String, String> errors,
		List<PageSummary> pages, @Nullable String stopReason) {

	public ScrapeResult {
		crawled = List.copyOf(crawled);
		// Insertion order matters to readers: keep it while making the maps unmodifiable.
		piiByUrl = Collections.unmodifiableMap(new LinkedHashMap<>(piiByUrl));
		errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		pages = List.copyOf(pages);
	}

}
