package io.dispycluster.monitoring.node;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Statistics of one node's samples over a window. Averages and maxima are over the
 * samples that have the figure; null when none has it.
 *
 * @param count samples in the window
 * @param first when the oldest was taken, or null when there is none
 * @param last when the newest was taken, or null when there is none
 * @param cpuAvg mean CPU use in percent
 * @param cpuMax highest CPU use in percent
 * @param memoryAvg mean memory use in percent
 * @param memoryMax highest memory use in percent
 * @param diskAvg mean disk use in percent
 * @param diskMax highest disk use in percent
 * @param temperatureAvg mean temperature in °C
 * @param temperatureMax highest temperature in °C
 */
public record WindowStats(long count, @Nullable Instant first, @Nullable Instant last, @Nullable Double cpuAvg,
		@Nullable Double cpuMax, @Nullable Double memoryAvg, @Nullable Double memoryMax, @Nullable Double diskAvg,
		@Nullable Double diskMax, @Nullable Double temperatureAvg, @Nullable Double temperatureMax) {
}
