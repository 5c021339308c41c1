package io.dispycluster.worker.assignment;

import java.net.URI;

import io.dispycluster.worker.system.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems the assignment API answers with.
 */
final class AssignmentProblems {

	private AssignmentProblems() {
	}

	/** 503: the worker runs as many jobs as its capacity allows. */
	static ErrorResponseException atCapacity(int capacity) {
		ErrorResponseException ex = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.AT_CAPACITY,
				"Worker at capacity", "The worker already runs " + capacity + " jobs, its capacity");
		ex.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		return ex;
	}

	/** 404: no such job runs here. */
	static ErrorResponseException notFound(String jobId) {
		ErrorResponseException ex = problem(HttpStatus.NOT_FOUND, ProblemTypes.ASSIGNMENT_NOT_FOUND,
				"Assignment not found", "Job non trouvé");
		ex.getBody().setProperty("job_id", jobId);
		return ex;
	}

	/** 409: a newer attempt at the job already runs here. */
	static ErrorResponseException staleAttempt(String jobId, int attempt, int running) {
		ErrorResponseException ex = problem(HttpStatus.CONFLICT, ProblemTypes.STALE_ATTEMPT, "Stale attempt",
				"Attempt " + attempt + " of job " + jobId + " is older than attempt " + running + " running here");
		ex.getBody().setProperty("job_id", jobId);
		return ex;
	}

	private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
