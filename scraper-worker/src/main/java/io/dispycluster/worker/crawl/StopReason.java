package io.dispycluster.worker.crawl;

import java.util.Locale;

/**
 * Why a crawl ended, as the result's {@code stop_reason} says it.
 */
public enum StopReason {

	/** Every reachable URL within the limits was visited. */
	FRONTIER_EXHAUSTED,

	/** {@code max_pages} pages were crawled. */
	MAX_PAGES,

	/** The crawl's time budget ({@code max_duration_s}) ran out. */
	BUDGET_EXHAUSTED,

	/** The crawl was cancelled. */
	CANCELLED;

	/** The name on the wire, e.g. {@code budget_exhausted}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
