package io.dispycluster.model.job;

/**
 * A job's status as users see it ({@code "pending"}, {@code "running"}, ...). The
 * controller keeps a finer internal state and maps it onto these five.
 */
public enum JobStatus {

	/** Stored and waiting for a worker. */
	PENDING,

	/** Assigned to a worker, which is crawling. */
	RUNNING,

	/** The crawl ended and its result is stored. */
	COMPLETED,

	/** The job could not be done; {@code error} says why. */
	FAILED,

	/** Cancelled by a user before it finished. */
	CANCELLED;

	/** Whether a job in this status will never change again. */
	public boolean isFinished() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

}
