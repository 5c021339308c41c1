package io.dispycluster.controller.worker;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dispycluster.model.worker.WorkerState;
import io.dispycluster.model.worker.WorkerView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * Worker gauges, refreshed after every health-check round:
 * {@code dispycluster_worker_assigned_jobs{node}} (the jobs the controller has given each
 * worker; the worker's own {@code dispycluster_worker_active_jobs} counts what it runs)
 * and {@code dispycluster_workers{status}}.
 */
@Component
class WorkerMetrics {

	private final MultiGauge activeJobs;

	private final Map<WorkerState, Integer> byStatus = new EnumMap<>(WorkerState.class);

	WorkerMetrics(MeterRegistry registry) {
		this.activeJobs = MultiGauge.builder("dispycluster.worker.assigned.jobs")
			.description("Jobs the controller has assigned to each worker, dispatched or running")
			.register(registry);
		for (WorkerState state : WorkerState.values()) {
			this.byStatus.put(state, 0);
			Gauge.builder("dispycluster.workers", this, (m) -> m.count(state))
				.description("Known workers, by status")
				.tag("status", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

	synchronized void refresh(List<WorkerView> workers) {
		this.activeJobs.register(
				workers.stream().map((w) -> MultiGauge.Row.of(Tags.of("node", w.node()), w.activeJobs())).toList(),
				true);
		this.byStatus.replaceAll((state, count) -> 0);
		workers.forEach((w) -> this.byStatus.merge(w.status(), 1, Integer::sum));
	}

	private synchronized double count(WorkerState state) {
		return this.byStatus.get(state);
	}

}
