package io.dispycluster.worker.crawl;

import org.jspecify.annotations.Nullable;

/**
 * A URL that ends without being crawled, with its state and a readable reason; or,
 * without a state, a URL left alone because the crawl stopped before its first request,
 * or because it redirects to a page the crawl knows under another URL.
 */
class PageFailure extends Exception {

	private final @Nullable PageState state;

	PageFailure(@Nullable PageState state, String reason) {
		super(reason, null, false, false);
		this.state = state;
	}

	/** The crawl stopped (cancelled, out of time) before the URL was requested. */
	static PageFailure notRequested() {
		return new PageFailure(null, "The crawl stopped before the request");
	}

	/**
	 * The URL redirects to one the crawl has already queued, visited or reached: that
	 * page is recorded once, under that URL, not under this one as well.
	 */
	static PageFailure duplicate(String target) {
		return new PageFailure(null, "Redirected to " + target + ", already seen by the crawl");
	}

	/** The state the URL ends in, or null if it is not to be recorded. */
	@Nullable PageState state() {
		return this.state;
	}

}
