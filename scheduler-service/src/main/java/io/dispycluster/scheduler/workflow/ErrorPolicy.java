package io.dispycluster.scheduler.workflow;

/**
 * What a failed step (once its retries are spent) does to the rest of its run.
 */
enum ErrorPolicy {

	/** No further step starts; those not started are skipped and the run fails. */
	STOP_ON_ERROR,

	/** The failed step counts as finished: the steps that depend on it still run. */
	CONTINUE_ON_ERROR

}
