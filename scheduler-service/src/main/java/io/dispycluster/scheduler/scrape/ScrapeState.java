package io.dispycluster.scheduler.scrape;

/**
 * Where a scrape is: waiting to be submitted, being submitted, its jobs running, or over.
 */
public enum ScrapeState {

	/** Stored; the batch will be submitted on the next tick (or after a backoff). */
	PENDING,

	/** Being submitted by a scheduler instance. */
	SUBMITTING,

	/** Accepted by the controller; its jobs are followed. */
	RUNNING,

	/** Every job completed. */
	COMPLETED,

	/**
	 * The batch was refused or never accepted, or a job failed, or following timed out.
	 */
	FAILED;

	/** Whether the scrape will not change any more. */
	public boolean isFinished() {
		return this == COMPLETED || this == FAILED;
	}

}
