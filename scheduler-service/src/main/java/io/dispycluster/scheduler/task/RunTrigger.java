package io.dispycluster.scheduler.task;

/**
 * What started a run.
 */
enum RunTrigger {

	/** Its schedule, on time. */
	SCHEDULE,

	/** Its schedule, for a fire missed while the service was down (within the grace). */
	CATCH_UP,

	/** A user, with {@code POST /tasks/{id}/run}. */
	MANUAL

}
