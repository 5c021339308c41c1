package io.dispycluster.worker.crawl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dispycluster.model.job.PageSummary;
import org.jspecify.annotations.Nullable;

/**
 * What the crawl learned about one crawled page. On the wire it is a superset of the
 * contract's {@link PageSummary}, which readers of the contract see.
 *
 * @param url the page's URL as it was requested
 * @param finalUrl the URL that answered, after redirects
 * @param status the HTTP status of the response
 * @param contentType the response's {@code Content-Type}
 * @param title the document's title, or null
 * @param description the document's meta description, or null
 * @param depth the number of links followed from the start URL (0 for the start page)
 * @param links the number of distinct {@code <a href>} and {@code <area href>} links
 * @param bytes the body's size in bytes
 * @param fetchMs the time from request to the end of the body, in milliseconds
 * @param data the fields the job's extraction rules read, by name
 */
public record PageDetail(String url, String finalUrl, int status, String contentType, @Nullable String title,
		@Nullable String description, int depth, int links, long bytes, long fetchMs,
		Map<String, @Nullable Object> data) {

	public PageDetail {
		data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
	}

	/** The contract's view of this page. */
	public PageSummary summary() {
		return new PageSummary(this.url, this.status, this.title, this.depth, this.links);
	}

}
