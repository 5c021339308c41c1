package io.dispycluster.controller.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.dispycluster.model.job.JobStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Gauges of the queue, read from the database at most once a second:
 * {@code dispycluster_queue_depth{priority}} (queued jobs per priority 1..10) and
 * {@code dispycluster_jobs{status}} (jobs per wire status).
 */
@Component
class JobMetrics implements MeterBinder {

	private static final Duration MAX_AGE = Duration.ofSeconds(1);

	private final JobStore store;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of());

	JobMetrics(JobStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (int priority = 1; priority <= 10; priority++) {
			int p = priority;
			Gauge.builder("dispycluster.queue.depth", this, (m) -> m.current().queued().getOrDefault(p, 0L))
				.description("Jobs waiting for a worker, by priority")
				.tag("priority", Integer.toString(p))
				.register(registry);
		}
		for (JobStatus status : JobStatus.values()) {
			Gauge.builder("dispycluster.jobs", this, (m) -> m.count(status))
				.description("Jobs in the store, by status")
				.tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
				.register(registry);
		}
	}

	private double count(JobStatus status) {
		return current().byState()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().status() == status)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current.takenAt().plus(MAX_AGE).isBefore(now)) {
			current = new Snapshot(now, this.store.countByState(), this.store.countQueuedByPriority());
			this.snapshot = current;
		}
		return current;
	}

	private record Snapshot(Instant takenAt, Map<JobState, Long> byState, Map<Integer, Long> queued) {
	}

}
