package io.dispycluster.controller.worker;

import java.util.List;

import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.support.requestid.RequestIds;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The worker API, declaratively. Every worker has its own base URL, so each call takes it
 * as a {@link UriBuilderFactory} argument ({@link #at(String)}); paths and verbs stay
 * here. Non-2xx answers raise {@code RestClientResponseException}s, transport failures
 * {@code ResourceAccessException}s.
 */
@HttpExchange(accept = "application/json")
public interface WorkerClient {

	/**
	 * The worker's health: {@code status}, {@code node}, {@code capacity},
	 * {@code active_jobs}, ...
	 */
	@GetExchange("/health")
	JsonNode health(UriBuilderFactory worker);

	/** The attempts the worker is running. */
	@GetExchange("/assignments")
	List<AssignmentStatus> assignments(UriBuilderFactory worker);

	/**
	 * Gives the worker an attempt at a job: 202, or 503 when it is at capacity.
	 * @param worker the worker's base URL
	 * @param requestId the id of the request that submitted the job, sent as
	 * {@code X-Request-Id} so that the worker logs the crawl and sends its reports under
	 * it; null (no header) for a job that has none
	 * @param assignment a {@link ScrapeAssignment} as JSON, whose {@code spec} may also
	 * carry the job's crawl options
	 */
	@PostExchange(url = "/assignments", contentType = "application/json")
	void assign(UriBuilderFactory worker,
			@RequestHeader(name = RequestIds.HEADER, required = false) @Nullable String requestId,
			@RequestBody JsonNode assignment);

	/**
	 * Tells the worker to stop one attempt at a job: 202, or 404 if it does not run that
	 * attempt (a newer attempt of the job that replaced it there keeps running).
	 * @param worker the worker's base URL
	 * @param jobId the job
	 * @param attempt the attempt to stop, sent as the query parameter {@code attempt}
	 * (workers that predate it ignore it and stop whichever attempt of the job they run)
	 */
	@PostExchange("/assignments/{jobId}/cancel")
	void cancel(UriBuilderFactory worker, @PathVariable String jobId, @RequestParam int attempt);

	/**
	 * A short reason for a failed call: {@code HTTP 503}, {@code connection refused},
	 * {@code timeout}, or the transport error's message.
	 * @param ex the failure
	 * @return the reason
	 */
	static String describe(RestClientException ex) {
		if (ex instanceof RestClientResponseException response) {
			return "HTTP " + response.getStatusCode().value();
		}
		String deepest = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.ConnectException) {
				return "connection refused";
			}
			if (cause instanceof java.net.http.HttpTimeoutException
					|| cause instanceof java.net.SocketTimeoutException) {
				return "timeout";
			}
			if (cause.getMessage() != null) {
				deepest = cause.getClass().getSimpleName() + ": " + cause.getMessage();
			}
		}
		return (deepest != null) ? deepest : ex.getClass().getSimpleName();
	}

	/** The argument that sends a call to the worker at {@code baseUrl}. */
	static UriBuilderFactory at(String baseUrl) {
		return new DefaultUriBuilderFactory(baseUrl);
	}

}
