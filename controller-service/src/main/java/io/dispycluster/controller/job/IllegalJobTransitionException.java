package io.dispycluster.controller.job;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A job was asked to move to a state its current state does not allow, e.g. cancelling a
 * completed job: 409.
 */
public class IllegalJobTransitionException extends ErrorResponseException {

	private final JobState from;

	private final JobState to;

	public IllegalJobTransitionException(JobId id, JobState from, JobState to) {
		super(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "job-state-conflict", "Job state conflict", describe(from, to)), null);
		this.from = from;
		this.to = to;
		getBody().setProperty("job_id", id.value());
		getBody().setProperty("job_status", from.status());
	}

	/** The state the job was in. */
	public JobState getFrom() {
		return this.from;
	}

	/** The state it was asked to move to. */
	public JobState getTo() {
		return this.to;
	}

	private static String describe(JobState from, JobState to) {
		String status = from.status().name().toLowerCase(java.util.Locale.ROOT);
		return switch (to) {
			case CANCELLED -> "Impossible d'annuler ce job : il est " + status;
			case QUEUED -> "Impossible de relancer ce job : il est " + status;
			default -> "Transition refusée : " + from + " → " + to;
		};
	}

}
