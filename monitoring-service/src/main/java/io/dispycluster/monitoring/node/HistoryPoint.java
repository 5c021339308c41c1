package io.dispycluster.monitoring.node;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One bucket of a downsampled history: the mean of each figure over the samples of the
 * bucket (the highest uptime).
 *
 * @param at the start of the bucket
 * @param samples how many samples it averages
 * @param system the averaged figures
 */
public record HistoryPoint(Instant at, long samples, SystemFigures system) {

	/** The mean CPU use of the bucket, or null. */
	public @Nullable Double cpuUsage() {
		return this.system.cpuUsage();
	}

}
