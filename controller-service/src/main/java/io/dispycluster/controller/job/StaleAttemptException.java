package io.dispycluster.controller.job;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A worker reported on an attempt that is no longer the job's current one (it was
 * requeued, cancelled or already finished): 409, so the worker stops reporting and a job
 * never completes twice.
 */
public class StaleAttemptException extends ErrorResponseException {

	public StaleAttemptException(JobId id, int reported, int current, JobState state) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "stale-attempt", "Stale attempt",
				"La tentative " + reported + " n'est plus la tentative en cours de ce job"), null);
		getBody().setProperty("job_id", id.value());
		getBody().setProperty("attempt", reported);
		getBody().setProperty("current_attempt", current);
		getBody().setProperty("job_status", state.status());
	}

}
