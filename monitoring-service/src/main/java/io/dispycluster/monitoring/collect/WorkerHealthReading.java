package io.dispycluster.monitoring.collect;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.system.Figures;

/**
 * What a scraper worker's {@code GET /health} says about its node. The contract fields
 * ({@code capacity}, {@code active_jobs}) are at the top level; the system figures may be
 * at the top level or in a {@code system} object, under any of the names below, and any
 * of them may be absent:
 * <ul>
 * <li>CPU %: {@code cpu_usage}, {@code cpu_percent}</li>
 * <li>memory %: {@code memory_usage}, {@code memory_percent}</li>
 * <li>disk %: {@code disk_usage}, {@code disk_percent}</li>
 * <li>load: {@code load_1m}/{@code load_5m}/{@code load_15m},
 * {@code load1}/{@code load5}/ {@code load15}, or a {@code load_average} array of
 * three</li>
 * <li>temperature °C: {@code temperature}, {@code temperature_c},
 * {@code temperature_celsius}, {@code cpu_temperature}</li>
 * <li>uptime seconds: {@code uptime_s}, {@code uptime_seconds}, {@code uptime}</li>
 * <li>network byte counters (turned into rates): {@code network_rx_bytes} /
 * {@code network_tx_bytes}, {@code bytes_recv} / {@code bytes_sent}</li>
 * </ul>
 *
 * @param takenAt when this service read it
 * @param activeJobs jobs the worker runs, or null
 * @param capacity jobs it can run at once, or null
 * @param instant the figures that need no previous reading
 * @param received bytes received since boot, or null
 * @param transmitted bytes sent since boot, or null
 */
record WorkerHealthReading(Instant takenAt, @Nullable Integer activeJobs, @Nullable Integer capacity,
		SystemFigures instant, @Nullable Double received, @Nullable Double transmitted) {

	static WorkerHealthReading of(JsonNode health, Instant takenAt) {
		JsonNode system = health.path("system");
		Double[] load = load(health, system);
		SystemFigures figures = new SystemFigures(percent(health, system, "cpu_usage", "cpu_percent"),
				percent(health, system, "memory_usage", "memory_percent"),
				percent(health, system, "disk_usage", "disk_percent"), load[0], load[1], load[2],
				Figures.round2(number(health, system, "temperature", "temperature_c", "temperature_celsius",
						"cpu_temperature")),
				null, null, uptime(number(health, system, "uptime_s", "uptime_seconds", "uptime")));
		return new WorkerHealthReading(takenAt, count(health.get("active_jobs")), count(health.get("capacity")),
				figures, number(health, system, "network_rx_bytes", "bytes_recv"),
				number(health, system, "network_tx_bytes", "bytes_sent"));
	}

	/** The figures, with network rates against the previous reading when there is one. */
	SystemFigures figures(@Nullable WorkerHealthReading previous) {
		Double rx = null;
		Double tx = null;
		if (previous != null) {
			double seconds = (this.takenAt.toEpochMilli() - previous.takenAt.toEpochMilli()) / 1000.0;
			rx = rate(this.received, previous.received, seconds);
			tx = rate(this.transmitted, previous.transmitted, seconds);
		}
		SystemFigures s = this.instant;
		return new SystemFigures(s.cpuUsage(), s.memoryUsage(), s.diskUsage(), s.load1m(), s.load5m(), s.load15m(),
				s.temperature(), rx, tx, s.uptimeS());
	}

	private static @Nullable Double rate(@Nullable Double current, @Nullable Double previous, double seconds) {
		if (current == null || previous == null || seconds <= 0 || current < previous) {
			return null;
		}
		return Figures.round((current - previous) / seconds, 2);
	}

	private static Double[] load(JsonNode health, JsonNode system) {
		for (JsonNode holder : new JsonNode[] { health, system }) {
			JsonNode average = holder.path("load_average");
			if (average.isArray() && average.size() == 3) {
				return new Double[] { Figures.round2(finite(average.get(0))), Figures.round2(finite(average.get(1))),
						Figures.round2(finite(average.get(2))) };
			}
		}
		return new Double[] { Figures.round2(number(health, system, "load_1m", "load1")),
				Figures.round2(number(health, system, "load_5m", "load5")),
				Figures.round2(number(health, system, "load_15m", "load15")) };
	}

	private static @Nullable Double percent(JsonNode health, JsonNode system, String... names) {
		Double value = number(health, system, names);
		return (value != null && value >= 0 && value <= 100) ? Figures.round2(value) : null;
	}

	private static @Nullable Double number(JsonNode health, JsonNode system, String... names) {
		for (String name : names) {
			Double value = finite(health.get(name));
			if (value == null) {
				value = finite(system.get(name));
			}
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable Double finite(@Nullable JsonNode node) {
		return (node != null && node.isNumber() && Double.isFinite(node.doubleValue())) ? node.doubleValue() : null;
	}

	private static @Nullable Long uptime(@Nullable Double seconds) {
		return (seconds != null && seconds >= 0) ? (long) Math.floor(seconds) : null;
	}

	private static @Nullable Integer count(@Nullable JsonNode node) {
		return (node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0)
				? node.intValue() : null;
	}

}
