package io.dispycluster.scheduler.history;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the runs of one kind by outcome, as {@code dispycluster_scheduler_runs_total}
 * with the tags {@code kind} and {@code outcome}.
 */
public final class RunCounter {

	private final MeterRegistry meters;

	private final String kind;

	/**
	 * @param kind {@code task} or {@code workflow}
	 */
	public RunCounter(MeterRegistry meters, String kind) {
		this.meters = meters;
		this.kind = kind;
	}

	/** Counts a run that ended, or was skipped, with this status. */
	public void count(RunStatus status) {
		this.meters.counter("dispycluster.scheduler.runs", "kind", this.kind, "outcome", status.name().toLowerCase())
			.increment();
	}

}
