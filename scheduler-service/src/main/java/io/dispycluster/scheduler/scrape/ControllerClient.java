package io.dispycluster.scheduler.scrape;

import io.dispycluster.model.job.BatchCreated;
import io.dispycluster.model.job.BatchScrapeRequest;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The controller's job API, as the scheduler uses it. Its base URL is
 * {@code dispycluster.services.controller} (group {@code controller} of
 * {@code spring.http.serviceclient}).
 */
@HttpExchange(accept = "application/json")
interface ControllerClient {

	/**
	 * Submits a batch: one job per URL. A retry with the same key returns the same jobs
	 * (when the controller supports idempotency keys).
	 */
	@PostExchange(url = "/scrape/batch", contentType = "application/json")
	BatchCreated submit(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody BatchScrapeRequest batch);

	/** Where a job is in its life. */
	@GetExchange("/jobs/{jobId}")
	JobSnapshot job(@PathVariable String jobId);

	/** Cancels a pending or running job (409 if it has already finished). */
	@PostExchange("/jobs/{jobId}/cancel")
	void cancel(@PathVariable String jobId);

}
