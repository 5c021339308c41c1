package io.dispycluster.controller.job;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No job has this id (or it was deleted by retention): 404 "Job non trouvé".
 */
public class JobNotFoundException extends ErrorResponseException {

	public JobNotFoundException(JobId id) {
		super(HttpStatus.NOT_FOUND,
				Problems.of(HttpStatus.NOT_FOUND, "job-not-found", "Job not found", "Job non trouvé"), null);
		getBody().setProperty("job_id", id.value());
	}

}
