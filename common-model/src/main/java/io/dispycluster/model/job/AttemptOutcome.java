package io.dispycluster.model.job;

/**
 * How a worker's attempt at a job ended.
 */
public enum AttemptOutcome {

	/** The crawl ran to its end (whatever the number of pages that failed). */
	SUCCEEDED,

	/** The crawl could not run, for example because its start URL was refused. */
	FAILED,

	/** The crawl was stopped by a cancel order. */
	CANCELLED

}
