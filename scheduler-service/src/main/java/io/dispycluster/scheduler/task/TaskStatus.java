package io.dispycluster.scheduler.task;

/**
 * A task's status: {@code scheduled} until its first run, {@code running} while a run is,
 * then the outcome of its last run.
 */
enum TaskStatus {

	/** Never run yet. */
	SCHEDULED,

	/** A run is in progress. */
	RUNNING,

	/** The last run's jobs all completed. */
	COMPLETED,

	/** The last run failed: the batch was refused or a job failed. */
	FAILED

}
