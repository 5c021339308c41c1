package io.dispycluster.scheduler.history;

/**
 * Where a run of a task or workflow is. Upstream knew only {@code completed} and
 * {@code failed}; runs are now listed while they run, and skipped fires are recorded.
 */
public enum RunStatus {

	/** Started, not finished. */
	RUNNING,

	/** Finished well: every job completed (every step succeeded or was skipped). */
	COMPLETED,

	/** Finished badly; {@code error} says why. */
	FAILED,

	/**
	 * Did not run: a missed fire beyond the grace, or a fire while the previous run was
	 * on.
	 */
	SKIPPED

}
