package io.dispycluster.worker.crawl;

import java.util.Collection;
import java.util.Map;

import io.dispycluster.model.job.PiiFindings;
import org.jspecify.annotations.Nullable;

/**
 * The size a crawl's result takes as JSON, kept up to date as pages and errors are
 * recorded, so that the crawl can hold its result to a limit without serialising it again
 * and again. Each entry is measured once, from the lengths of its strings as Jackson
 * writes them (UTF-8, with its escapes); the field names are counted as the worker writes
 * them. The figure is an upper bound within a few bytes per entry.
 */
final class ResultSize {

	// {"crawled":[],"pii_by_url":{},"errors":{},"pages":[],"stop_reason":"frontier_exhausted",
	// "states":{...}}: the frame and the states of every kind, rounded up.
	private static final int FRAME = 512;

	// {"url":,"final_url":,"status":,"content_type":,"title":,"description":,"depth":,
	// "links":,"bytes":,"fetch_ms":,"data":{}}
	private static final int PAGE_FIELDS = 120;

	// {"emails":[],"phones":[]}
	private static final int PII_FIELDS = 25;

	private final long limit;

	private long bytes = FRAME;

	ResultSize(long limit) {
		this.limit = limit;
	}

	long limit() {
		return this.limit;
	}

	long bytes() {
		return this.bytes;
	}

	/**
	 * Counts a crawled page, in {@code crawled}, {@code pii_by_url} and {@code pages}, if
	 * the result can take it within the limit.
	 * @return whether it could
	 */
	boolean tryAddPage(PageDetail page, PiiFindings pii) {
		long size = pageSize(page, pii);
		if (this.bytes + size > this.limit) {
			return false;
		}
		this.bytes += size;
		return true;
	}

	/**
	 * Counts an entry of {@code errors}, which is always recorded.
	 * @return whether the result has now reached its limit
	 */
	boolean addError(String url, String reason) {
		this.bytes += of(url) + 1 + of(reason) + 1;
		return this.bytes >= this.limit;
	}

	static long pageSize(PageDetail page, PiiFindings pii) {
		long crawled = of(page.url()) + 1;
		long piiEntry = of(page.url()) + 1 + PII_FIELDS + ofAll(pii.emails()) + ofAll(pii.phones()) + 1;
		long numbers = digits(page.status()) + digits(page.depth()) + digits(page.links()) + digits(page.bytes())
				+ digits(page.fetchMs());
		long detail = PAGE_FIELDS + numbers + of(page.url()) + of(page.finalUrl()) + of(page.contentType())
				+ of(page.title()) + of(page.description()) + ofData(page.data()) + 1;
		return crawled + piiEntry + detail;
	}

	private static int digits(long number) {
		return Long.toString(number).length();
	}

	private static long ofData(Map<String, @Nullable Object> data) {
		long size = 0;
		for (Map.Entry<String, @Nullable Object> field : data.entrySet()) {
			size += of(field.getKey()) + 1 + ofValue(field.getValue()) + 1;
		}
		return size;
	}

	private static long ofValue(@Nullable Object value) {
		if (value instanceof Collection<?> values) {
			return 2 + ofAll(values);
		}
		// Extraction gives strings, lists of strings or null; anything else is written
		// as its text would be.
		return (value != null) ? of(value.toString()) : 4;
	}

	private static long ofAll(Collection<?> values) {
		long size = 0;
		for (Object value : values) {
			size += ofValue(value) + 1;
		}
		return size;
	}

	/** The bytes of a JSON string (or {@code null}) as Jackson writes it in UTF-8. */
	static long of(@Nullable String text) {
		if (text == null) {
			return 4;
		}
		long size = 2;
		for (int i = 0; i < text.length(); i++) {
			size += charSize(text.charAt(i));
		}
		return size;
	}

	private static int charSize(char c) {
		if (c < 0x20) {
			// an escape: two characters (a new line) or six (a control character in hex)
			return 6;
		}
		if (c == '"' || c == '\\') {
			return 2;
		}
		if (c < 0x80) {
			return 1;
		}
		if (c < 0x800) {
			return 2;
		}
		// Three bytes, or a half of a 4-byte character (a surrogate), counted as more.
		return 3;
	}

}
