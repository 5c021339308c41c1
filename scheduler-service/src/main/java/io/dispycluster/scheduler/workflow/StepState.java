package io.dispycluster.scheduler.workflow;

/**
 * Where a step of a run is.
 */
enum StepState {

	/** Waiting for the steps it depends on, or for its retry time. */
	PENDING,

	/** Started: its jobs run, its wait goes on, or its call is in progress. */
	RUNNING,

	/** Done well. */
	SUCCEEDED,

	/** Failed, its retries spent. */
	FAILED,

	/**
	 * Not run: a condition was false, something it depends on was skipped, or the run
	 * stopped.
	 */
	SKIPPED;

	boolean isFinished() {
		return this == SUCCEEDED || this == FAILED || this == SKIPPED;
	}

}
