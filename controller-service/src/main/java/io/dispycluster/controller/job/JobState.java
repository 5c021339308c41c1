package io.dispycluster.controller.job;

import java.util.EnumSet;
import java.util.Set;

import io.dispycluster.model.job.JobStatus;

/**
 * Where a job is in its life, finer than the five statuses users see. The allowed moves
 * between states are listed once, in {@link JobStateTransitions}.
 */
public enum JobState {

	/** Stored and waiting for a worker (possibly not before a backoff delay). */
	QUEUED(JobStatus.PENDING),

	/** Claimed for a worker; the assignment is on its way. */
	DISPATCHED(JobStatus.RUNNING),

	/** The worker reported progress: it is crawling. */
	RUNNING(JobStatus.RUNNING),

	/** The worker reported a crawl that ran to its end; the result is stored. */
	SUCCEEDED(JobStatus.COMPLETED),

	/**
	 * The job could not be done: the worker failed, it timed out or ran out of attempts.
	 */
	FAILED(JobStatus.FAILED),

	/** A user cancelled it. */
	CANCELLED(JobStatus.CANCELLED);

	private final JobStatus status;

	JobState(JobStatus status) {
		this.status = status;
	}

	/** The status users see for this state. */
	public JobStatus status() {
		return this.status;
	}

	/** Whether a worker holds (or is about to hold) an attempt at the job. */
	public boolean isActive() {
		return this == DISPATCHED || this == RUNNING;
	}

	/** The states that users see as {@code status}. */
	public static Set<JobState> withStatus(JobStatus status) {
		Set<JobState> states = EnumSet.noneOf(JobState.class);
		for (JobState state : values()) {
			if (state.status == status) {
				states.add(state);
			}
		}
		return states;
	}

}
