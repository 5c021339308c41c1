package io.dispycluster.monitoring.node;

import org.jspecify.annotations.Nullable;

/**
 * How loaded one node was over a window, for the performance report.
 *
 * @param node the node's name
 * @param samples samples in the window
 * @param cpuAvg mean CPU use in percent, or null
 * @param memoryAvg mean memory use in percent, or null
 * @param diskMax highest disk use in percent, or null
 * @param temperatureMax highest temperature in °C, or null
 * @param samplesWithCapacity samples that say how many jobs the worker ran and could run
 * @param saturatedSamples of those, the samples where it ran as many as it could
 * @param fetchSeconds time its page requests took over the window, or null
 * @param fetches page requests it made over the window, or null
 */
public record NodeLoad(String node, long samples, @Nullable Double cpuAvg, @Nullable Double memoryAvg,
		@Nullable Double diskMax, @Nullable Double temperatureMax, long samplesWithCapacity, long saturatedSamples,
		@Nullable Double fetchSeconds, @Nullable Long fetches) {

	/** The mean time of a page request in seconds, or null when none was made. */
	public @Nullable Double averageFetchSeconds() {
		if (this.fetchSeconds == null || this.fetches == null || this.fetches == 0) {
			return null;
		}
		return this.fetchSeconds / this.fetches;
	}

	/** The share of samples (0..1) where the worker was full, or null when unknown. */
	public @Nullable Double saturatedShare() {
		return (this.samplesWithCapacity == 0) ? null : (double) this.saturatedSamples / this.samplesWithCapacity;
	}

}
