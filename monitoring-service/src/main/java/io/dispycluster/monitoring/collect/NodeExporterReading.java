package io.dispycluster.monitoring.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.collect.Exposition.Sample;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.system.Figures;

/**
 * What one scrape of node_exporter says, reduced to the values the figures need. Gauges
 * give a figure at once; counters (CPU seconds, network bytes) give one only against the
 * previous reading of the same node.
 *
 * @param takenAt when this service read it
 * @param nodeTime the node's own clock ({@code node_time_seconds}), or null
 * @param cpuTotal CPU seconds in every mode, all CPUs together, or null
 * @param cpuIdle CPU seconds in {@code idle} and {@code iowait}, or null
 * @param memoryTotal {@code node_memory_MemTotal_bytes}, or null
 * @param memoryAvailable {@code node_memory_MemAvailable_bytes}, or null
 * @param rootSize size of the filesystem mounted on {@code /}, or null
 * @param rootAvailable space available on it to unprivileged users, or null
 * @param load1 {@code node_load1}, or null
 * @param load5 {@code node_load5}, or null
 * @param load15 {@code node_load15}, or null
 * @param temperature the hottest thermal zone, else the hottest hwmon sensor, in °C, or
 * null
 * @param received bytes received by the physical interfaces, or null
 * @param transmitted bytes sent by them, or null
 * @param bootTime {@code node_boot_time_seconds}, or null
 */
record NodeExporterReading(Instant takenAt, @Nullable Double nodeTime, @Nullable Double cpuTotal,
		@Nullable Double cpuIdle, @Nullable Double memoryTotal, @Nullable Double memoryAvailable,
		@Nullable Double rootSize, @Nullable Double rootAvailable, @Nullable Double load1, @Nullable Double load5,
		@Nullable Double load15, @Nullable Double temperature, @Nullable Double received, @Nullable Double transmitted,
		@Nullable Double bootTime) {

	/** The CPU modes that count as not busy. */
	private static final Set<String> IDLE_MODES = Set.of("idle", "iowait");

	/**
	 * Interfaces that only carry traffic already counted on a physical one, or none at
	 * all.
	 */
	private static final List<String> VIRTUAL_INTERFACES = List.of("lo", "veth", "docker", "br-", "virbr", "cni",
			"flannel", "cali", "tun", "tap");

	/** The metric names read; the others are not even kept while parsing. */
	static final Set<String> METRICS = Set.of("node_time_seconds", "node_cpu_seconds_total",
			"node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes", "node_filesystem_size_bytes",
			"node_filesystem_avail_bytes", "node_load1", "node_load5", "node_load15", "node_thermal_zone_temp",
			"node_hwmon_temp_celsius", "node_network_receive_bytes_total", "node_network_transmit_bytes_total",
			"node_boot_time_seconds");

	static NodeExporterReading of(String text, Instant takenAt) {
		Exposition metrics = Exposition.parse(text, METRICS::contains);
		Sample root = rootFilesystem(metrics);
		OptionalDouble temperature = metrics.max("node_thermal_zone_temp");
		if (temperature.isEmpty()) {
			temperature = metrics.max("node_hwmon_temp_celsius");
		}
		return new NodeExporterReading(takenAt, value(metrics.first("node_time_seconds")),
				value(metrics.sum("node_cpu_seconds_total", (labels) -> true)),
				value(metrics.sum("node_cpu_seconds_total", (labels) -> IDLE_MODES.contains(labels.get("mode")))),
				value(metrics.first("node_memory_MemTotal_bytes")),
				value(metrics.first("node_memory_MemAvailable_bytes")), (root != null) ? root.value() : null,
				(root != null) ? rootAvailable(metrics, root) : null, value(metrics.first("node_load1")),
				value(metrics.first("node_load5")), value(metrics.first("node_load15")), value(temperature),
				value(metrics.sum("node_network_receive_bytes_total", NodeExporterReading::physical)),
				value(metrics.sum("node_network_transmit_bytes_total", NodeExporterReading::physical)),
				value(metrics.first("node_boot_time_seconds")));
	}

	/**
	 * The node's figures from this reading and, for the counters, the previous one (null
	 * for a node's first reading). A counter that went down (the node rebooted) gives no
	 * figure this time.
	 */
	SystemFigures figures(@Nullable NodeExporterReading previous) {
		Double seconds = (previous != null) ? elapsedSince(previous) : null;
		return new SystemFigures(cpu(previous), percentUsed(this.memoryTotal, this.memoryAvailable),
				percentUsed(this.rootSize, this.rootAvailable), Figures.round2(this.load1), Figures.round2(this.load5),
				Figures.round2(this.load15), Figures.round2(this.temperature),
				rate(this.received, (previous != null) ? previous.received : null, seconds),
				rate(this.transmitted, (previous != null) ? previous.transmitted : null, seconds), uptime());
	}

	private @Nullable Double cpu(@Nullable NodeExporterReading previous) {
		if (previous == null || this.cpuTotal == null || this.cpuIdle == null || previous.cpuTotal == null
				|| previous.cpuIdle == null) {
			return null;
		}
		double total = this.cpuTotal - previous.cpuTotal;
		double idle = this.cpuIdle - previous.cpuIdle;
		if (total <= 0 || idle < 0 || idle > total) {
			return null;
		}
		return Figures.round(100.0 * (total - idle) / total, 2);
	}

	private @Nullable Double elapsedSince(NodeExporterReading previous) {
		double seconds = (this.nodeTime != null && previous.nodeTime != null) ? this.nodeTime - previous.nodeTime
				: (this.takenAt.toEpochMilli() - previous.takenAt.toEpochMilli()) / 1000.0;
		return (seconds > 0) ? seconds : null;
	}

	private @Nullable Long uptime() {
		if (this.bootTime == null) {
			return null;
		}
		double now = (this.nodeTime != null) ? this.nodeTime : this.takenAt.toEpochMilli() / 1000.0;
		return (now >= this.bootTime) ? (long) Math.floor(now - this.bootTime) : null;
	}

	private static @Nullable Double rate(@Nullable Double current, @Nullable Double previous,
			@Nullable Double seconds) {
		if (current == null || previous == null || seconds == null || current < previous) {
			return null;
		}
		return Figures.round((current - previous) / seconds, 2);
	}

	private static @Nullable Double percentUsed(@Nullable Double total, @Nullable Double available) {
		if (total == null || available == null || total <= 0 || available < 0 || available > total) {
			return null;
		}
		return Figures.round(100.0 * (total - available) / total, 2);
	}

	/**
	 * The size sample of the filesystem mounted on {@code /}. Some systems list {@code /}
	 * twice (the {@code rootfs} placeholder and the real device); the real one wins.
	 */
	private static @Nullable Sample rootFilesystem(Exposition metrics) {
		List<Sample> roots = metrics.all("node_filesystem_size_bytes")
			.stream()
			.filter((sample) -> "/".equals(sample.label("mountpoint")))
			.toList();
		return roots.stream()
			.filter((sample) -> !"rootfs".equals(sample.label("fstype")))
			.findFirst()
			.orElse(roots.isEmpty() ? null : roots.get(0));
	}

	private static @Nullable Double rootAvailable(Exposition metrics, Sample size) {
		return metrics.all("node_filesystem_avail_bytes")
			.stream()
			.filter((sample) -> sameFilesystem(size, sample.labels()))
			.map(Sample::value)
			.filter(Double::isFinite)
			.findFirst()
			.orElse(null);
	}

	private static boolean sameFilesystem(Sample size, Map<String, String> labels) {
		return "/".equals(labels.get("mountpoint")) && size.label("device").equals(labels.getOrDefault("device", ""))
				&& size.label("fstype").equals(labels.getOrDefault("fstype", ""));
	}

	private static boolean physical(Map<String, String> labels) {
		String device = labels.getOrDefault("device", "");
		return VIRTUAL_INTERFACES.stream().noneMatch(device::startsWith);
	}

	private static @Nullable Double value(OptionalDouble value) {
		return (value.isPresent() && Double.isFinite(value.getAsDouble())) ? value.getAsDouble() : null;
	}

}
