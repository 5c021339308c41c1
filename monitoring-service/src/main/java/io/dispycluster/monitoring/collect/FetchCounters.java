package io.dispycluster.monitoring.collect;

import org.jspecify.annotations.Nullable;

/**
 * The worker's cumulative page-request timing, from
 * {@code dispycluster_worker_fetch_latency_seconds_sum} and {@code _count} in its
 * {@code /actuator/prometheus}.
 *
 * @param seconds total seconds spent in page requests since the worker started
 * @param count page requests since the worker started
 */
record FetchCounters(double seconds, double count) {

	static final String SUM = "dispycluster_worker_fetch_latency_seconds_sum";

	static final String COUNT = "dispycluster_worker_fetch_latency_seconds_count";

	static @Nullable FetchCounters of(String prometheusText) {
		Exposition metrics = Exposition.parse(prometheusText, (name) -> name.equals(SUM) || name.equals(COUNT));
		var sum = metrics.sum(SUM, (labels) -> true);
		var count = metrics.sum(COUNT, (labels) -> true);
		return (sum.isPresent() && count.isPresent()) ? new FetchCounters(sum.getAsDouble(), count.getAsDouble())
				: null;
	}

	/**
	 * The increase since {@code previous}; after a restart of the worker (counters went
	 * down) the whole current value is the increase, as Prometheus's {@code increase()}
	 * counts it.
	 */
	FetchCounters since(FetchCounters previous) {
		if (this.count < previous.count || this.seconds < previous.seconds) {
			return this;
		}
		return new FetchCounters(this.seconds - previous.seconds, this.count - previous.count);
	}

}
