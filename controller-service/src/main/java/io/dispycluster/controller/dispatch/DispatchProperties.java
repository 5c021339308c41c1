package io.dispycluster.controller.dispatch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How jobs are dispatched and supervised, under {@code dispycluster.controller}.
 *
 * @param maxConcurrentJobs the most jobs running at once across the cluster
 * ({@code DISPYCLUSTER_MAX_WORKERS}, default 10)
 * @param dispatchInterval time between two periodic dispatch and supervision rounds;
 * dispatch also runs at once after a submission, a report or a worker joining (default
 * 2s)
 * @param dispatchSpacing the least time between the starts of two dispatch passes while
 * the controller is busy: the reports and submissions that arrive meanwhile are
 * dispatched together, in one transaction, instead of one pass (and one commit) each; a
 * controller that has not dispatched for that long dispatches at once (default 10ms)
 * @param leaseDuration how long an attempt lives without news from its worker (a progress
 * report, or the worker listing it in {@code GET /assignments}) before it is requeued
 * (default 60s)
 * @param maxAttempts lost attempts after which a job fails with the reason (default 3)
 * @param requeueBackoff the wait before a requeued job's next dispatch, doubled after
 * each lost attempt (default 10s)
 * @param maxRequeueBackoff the longest such wait (default 5m)
 * @param timeoutGrace how long past its {@code max_duration_s} an attempt may run before
 * the job fails with reason {@code timeout} (default 60s)
 * @param oneWorkerPerHost whether jobs whose start URLs have the same host run on one
 * worker at a time, so that the worker's politeness delay spaces all the cluster's
 * requests to that site rather than each worker's own (default false: they spread over
 * the workers, each polite on its own)
 */
@ConfigurationProperties("dispycluster.controller")
@Validated
public record DispatchProperties(@DefaultValue("10") @Min(1) @Max(100000) int maxConcurrentJobs,
		@DefaultValue("2s") Duration dispatchInterval, @DefaultValue("10ms") Duration dispatchSpacing,
		@DefaultValue("60s") Duration leaseDuration, @DefaultValue("3") @Min(1) @Max(100) int maxAttempts,
		@DefaultValue("10s") Duration requeueBackoff, @DefaultValue("5m") Duration maxRequeueBackoff,
		@DefaultValue("60s") Duration timeoutGrace, @DefaultValue("false") boolean oneWorkerPerHost) {

	public DispatchProperties {
		requirePositive("dispatch-interval", dispatchInterval);
		requirePositive("lease-duration", leaseDuration);
		if (dispatchSpacing.isNegative() || dispatchSpacing.compareTo(dispatchInterval) > 0) {
			throw new IllegalArgumentException(
					"dispycluster.controller.dispatch-spacing must be between 0 and dispatch-interval, was "
							+ dispatchSpacing);
		}
		requirePositive("max-requeue-backoff", maxRequeueBackoff);
		if (requeueBackoff.isNegative()) {
			throw new IllegalArgumentException("dispycluster.controller.requeue-backoff must not be negative");
		}
		if (timeoutGrace.isNegative()) {
			throw new IllegalArgumentException("dispycluster.controller.timeout-grace must not be negative");
		}
	}

	/**
	 * The wait before the next dispatch of a job that lost its {@code lost}-th attempt.
	 */
	Duration backoffAfter(int lost) {
		Duration backoff = this.requeueBackoff.multipliedBy(1L << Math.min(20, Math.max(0, lost - 1)));
		return (backoff.compareTo(this.maxRequeueBackoff) > 0) ? this.maxRequeueBackoff : backoff;
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("dispycluster.controller." + name + " must be positive, was " + value);
		}
	}

}
