package io.dispycluster.monitoring.node;

import org.jspecify.annotations.Nullable;

/**
 * What a node's worker was doing when it was sampled. Any figure not known is null.
 *
 * @param activeJobs jobs it ran
 * @param capacity jobs it can run at once
 * @param fetchSeconds time its page requests took since the previous sample, in seconds
 * (from the worker's {@code dispycluster_worker_fetch_latency_seconds_sum})
 * @param fetches page requests it made since the previous sample
 */
public record Workload(@Nullable Integer activeJobs, @Nullable Integer capacity, @Nullable Double fetchSeconds,
		@Nullable Long fetches) {

	/** Nothing known. */
	public static final Workload NONE = new Workload(null, null, null, null);

}
