package io.dispycluster.monitoring.node;

import org.jspecify.annotations.Nullable;

/**
 * A node's system figures at one moment. Any figure the source does not give is null.
 *
 * @param cpuUsage CPU busy time in percent over the last interval
 * @param memoryUsage memory in use in percent, (total - available) / total
 * @param diskUsage space used on {@code /} in percent, (size - available) / size
 * @param load1m load average over 1 minute
 * @param load5m load average over 5 minutes
 * @param load15m load average over 15 minutes
 * @param temperature the hottest temperature sensor, in °C
 * @param networkRxBps bytes received per second over the last interval
 * @param networkTxBps bytes sent per second over the last interval
 * @param uptimeS seconds since the node booted
 */
public record SystemFigures(@Nullable Double cpuUsage, @Nullable Double memoryUsage, @Nullable Double diskUsage,
		@Nullable Double load1m, @Nullable Double load5m, @Nullable Double load15m, @Nullable Double temperature,
		@Nullable Double networkRxBps, @Nullable Double networkTxBps, @Nullable Long uptimeS) {

	/** No figure at all. */
	public static final SystemFigures NONE = new SystemFigures(null, null, null, null, null, null, null, null, null,
			null);

}
