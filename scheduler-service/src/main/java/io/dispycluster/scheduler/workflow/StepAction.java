package io.dispycluster.scheduler.workflow;

/**
 * What a step does.
 */
enum StepAction {

	/** Submits its URLs as a batch and waits until the jobs finish. */
	SCRAPE,

	/** Waits a number of seconds, without holding a thread. */
	WAIT,

	/**
	 * POSTs a JSON summary of the run so far to a URL (public addresses only by default).
	 */
	WEBHOOK,

	/**
	 * Checks an earlier scrape step's output; skips or stops what depends on it when
	 * false.
	 */
	CONDITION

}
