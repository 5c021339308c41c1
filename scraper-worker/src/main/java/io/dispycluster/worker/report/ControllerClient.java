package io.dispycluster.worker.report;

import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.support.requestid.RequestIds;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The controller's internal API as the worker uses it. The base URL is the
 * {@code controller} HTTP service group's, taken from
 * {@code dispycluster.services.controller}. The calls about a job carry, as
 * {@code X-Request-Id}, the id its assignment came with (the id of the request that
 * submitted the job), so that the controller logs them under it; none when it is null.
 */
@HttpExchange(url = "/internal", contentType = "application/json")
public interface ControllerClient {

	/** Announces this worker; the controller answers 200 with its view of it. */
	@PostExchange("/workers/register")
	void register(@RequestBody WorkerRegistration registration);

	/** Reports progress on an attempt; 204, or 409 if the attempt is not current. */
	@PostExchange("/jobs/{jobId}/progress")
	void progress(@PathVariable("jobId") String jobId,
			@RequestHeader(name = RequestIds.HEADER, required = false) @Nullable String requestId,
			@RequestBody AttemptProgress progress);

	/**
	 * Reports the end of an attempt; 204, or 409 if the attempt is not current. The body
	 * is read as an {@code AttemptReport}.
	 */
	@PostExchange("/jobs/{jobId}/report")
	void report(@PathVariable("jobId") String jobId,
			@RequestHeader(name = RequestIds.HEADER, required = false) @Nullable String requestId,
			@RequestBody AttemptReportBody report);

}
