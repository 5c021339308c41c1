package io.dispycluster.model.worker;

import org.jspecify.annotations.Nullable;

/**
 * A worker node's system figures, as its {@code GET /health} reports them under
 * {@code system} (next to the {@link WorkerHealth} fields, which it does not change).
 * Percentages are 0..100; a figure the node cannot measure is null.
 *
 * @param cpuPercent CPU use over the last sampling interval
 * @param memoryPercent memory in use (total minus available) of the total
 * @param diskPercent space used on the filesystem of the worker's data directory
 * @param load1 the 1-minute load average
 * @param load5 the 5-minute load average
 * @param load15 the 15-minute load average
 * @param temperatureC the CPU temperature in degrees Celsius, where the board exposes it
 * (a Raspberry Pi does, in {@code /sys/class/thermal})
 * @param uptimeS seconds since the node booted
 */
public record SystemFigures(@Nullable Double cpuPercent, @Nullable Double memoryPercent, @Nullable Double diskPercent,
		@Nullable Double load1, @Nullable Double load5, @Nullable Double load15, @Nullable Double temperatureC,
		@Nullable Long uptimeS) {
}
