package io.dispycluster.controller.dispatch;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Dispatch meters: {@code dispycluster_dispatch_latency_seconds} (from dispatchable to
 * dispatched), {@code dispycluster_job_duration_seconds{outcome}} (run time of finished
 * attempts), {@code dispycluster_job_requeues_total{reason}} and
 * {@code dispycluster_job_attempts_exhausted_total}.
 */
@Component
class DispatchMetrics {

	/** Why a job went back to the queue. */
	enum LossReason {

		/** The worker did not accept the assignment. */
		ASSIGNMENT_FAILED,

		/** The worker stopped answering its health checks. */
		WORKER_OFFLINE,

		/** The worker restarted without the attempt. */
		WORKER_RESTARTED,

		/** No news from the worker within the lease. */
		LEASE_EXPIRED,

		/** The worker handed the job back as it stopped (not a lost attempt). */
		HANDED_BACK

	}

	private final MeterRegistry registry;

	private final Timer dispatchLatency;

	private final Counter exhausted;

	DispatchMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.dispatchLatency = Timer.builder("dispycluster.dispatch.latency")
			.description("Time from a job being dispatchable to its dispatch")
			.publishPercentileHistogram()
			.register(registry);
		this.exhausted = Counter.builder("dispycluster.job.attempts.exhausted")
			.description("Jobs failed because they lost every attempt")
			.register(registry);
	}

	void dispatched(Duration waited) {
		this.dispatchLatency.record(waited.isNegative() ? Duration.ZERO : waited);
	}

	void finished(String outcome, Duration ran) {
		Timer.builder("dispycluster.job.duration")
			.description("Run time of finished attempts")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(ran.isNegative() ? Duration.ZERO : ran);
	}

	void requeued(LossReason reason) {
		Counter.builder("dispycluster.job.requeues")
			.description("Attempts lost and jobs sent back to the queue")
			.tag("reason", reason.name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment();
	}

	void exhausted() {
		this.exhausted.increment();
	}

}
