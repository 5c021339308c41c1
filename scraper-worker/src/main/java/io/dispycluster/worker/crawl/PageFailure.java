package io.dispycluster.worker.crawl;

import org.jspecify.annotations.Nullable;

/**
 * A URL that ends without being crawled, with its state and a readable reason; or,
 * without a state, a URL left alone because the crawl stopped before its first request.
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

	/** The state the URL ends in, or null if it is not to be recorded. */
	@Nullable PageState state() {
		return this.state;
	}

}
