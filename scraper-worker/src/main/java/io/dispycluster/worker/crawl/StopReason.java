package io.dispycluster.worker.crawl;

import java.util.Locale;

/**
 * Why a crawl ended, as the result's {@code stop_reason} says it.
 */
public enum StopReason {

	/** Every reachable URL within the limits was visited. */
	FRONTIER_EXHAUSTED,

	/**
	 * Nothing was left to visit, but links were left out: the crawl had seen (visited or
	 * queued) three times {@code max_pages} URLs, most of them not pages (failed, not
	 * HTML). A larger {@code max_pages} follows them.
	 */
	FRONTIER_FULL,

	/** {@code max_pages} pages were crawled. */
	MAX_PAGES,

	/**
	 * The result reached the worker's {@code max-result-size}: the page that would have
	 * taken it past, and any still in flight, are listed in {@code errors}
	 * ({@link PageState#RESULT_FULL}) instead.
	 */
	MAX_RESULT_SIZE,

	/** The crawl's time budget ({@code max_duration_s}) ran out. */
	BUDGET_EXHAUSTED,

	/** The crawl was cancelled. */
	CANCELLED;

	/** The name on the wire, e.g. {@code budget_exhausted}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
