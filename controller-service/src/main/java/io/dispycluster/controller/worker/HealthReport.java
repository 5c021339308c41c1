package io.dispycluster.controller.worker;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the controller takes from a worker's {@code GET /health}: the contract fields
 * ({@code capacity}, {@code active_jobs}) and, when the worker reports them, its CPU and
 * memory use in percent, either at the top level ({@code cpu_usage},
 * {@code memory_usage}) or in a {@code system} object
 * ({@code cpu_percent}/{@code cpu_usage}, {@code memory_percent}/{@code memory_usage}),
 * the CPU temperature ({@code system.temperature_c}) and the id of the worker's process
 * ({@code instance_id}), by which a restart is noticed also for a worker that does not
 * register itself.
 *
 * @param capacity how many jobs the worker runs at once, or null if it did not say
 * @param activeJobs how many it runs now, or null
 * @param cpuUsage CPU use in percent, or null
 * @param memoryUsage memory use in percent, or null
 * @param temperatureC CPU temperature in °C, or null
 * @param instanceId the id of the worker's process (1 to 64 characters), or null
 */
record HealthReport(@Nullable Integer capacity, @Nullable Integer activeJobs, @Nullable Double cpuUsage,
		@Nullable Double memoryUsage, @Nullable Double temperatureC, @Nullable String instanceId) {

	/** The longest instance id taken, as in a registration. */
	static final int MAX_INSTANCE_ID = 64;

	/** The longest node name quoted from a health answer (names are at most 255). */
	static final int MAX_NODE_SHOWN = 255;

	/** A report without an instance id, as from a worker that does not send one. */
	HealthReport(@Nullable Integer capacity, @Nullable Integer activeJobs, @Nullable Double cpuUsage,
			@Nullable Double memoryUsage, @Nullable Double temperatureC) {
		this(capacity, activeJobs, cpuUsage, memoryUsage, temperatureC, null);
	}

	static HealthReport from(@Nullable JsonNode health) {
		if (health == null || !health.isObject()) {
			return new HealthReport(null, null, null, null, null);
		}
		JsonNode system = health.path("system");
		return new HealthReport(positiveInt(health.get("capacity")), nonNegativeInt(health.get("active_jobs")),
				percent(health.get("cpu_usage"), system.get("cpu_percent"), system.get("cpu_usage")),
				percent(health.get("memory_usage"), system.get("memory_percent"), system.get("memory_usage")),
				celsius(system.get("temperature_c")), instanceId(health.get("instance_id")));
	}

	/**
	 * The node name a worker's {@code GET /health} gives, when it is not {@code node}:
	 * the process at that address is another worker. Null when it gives {@code node} or
	 * none (as workers of the original API do, whose health holds only {@code status}).
	 * @param health the worker's answer
	 * @param node the name the worker is known by
	 * @return the other name (at most {@value #MAX_NODE_SHOWN} characters), or null
	 */
	static @Nullable String otherNode(@Nullable JsonNode health, String node) {
		JsonNode answered = (health != null && health.isObject()) ? health.get("node") : null;
		if (answered == null || !answered.isString() || answered.stringValue().isBlank()
				|| answered.stringValue().equals(node)) {
			return null;
		}
		String other = answered.stringValue();
		return (other.length() <= MAX_NODE_SHOWN) ? other : other.substring(0, MAX_NODE_SHOWN);
	}

	private static @Nullable String instanceId(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String id = node.stringValue();
		return (!id.isBlank() && id.length() <= MAX_INSTANCE_ID) ? id : null;
	}

	private static @Nullable Integer positiveInt(@Nullable JsonNode node) {
		Integer value = nonNegativeInt(node);
		return (value != null && value > 0) ? value : null;
	}

	private static @Nullable Integer nonNegativeInt(@Nullable JsonNode node) {
		return (node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0)
				? node.intValue() : null;
	}

	private static @Nullable Double celsius(@Nullable JsonNode node) {
		return (node != null && node.isNumber() && Double.isFinite(node.doubleValue())) ? node.doubleValue() : null;
	}

	private static @Nullable Double percent(@Nullable JsonNode... candidates) {
		for (JsonNode node : candidates) {
			if (node != null && node.isNumber() && Double.isFinite(node.doubleValue())) {
				return Math.max(0, Math.min(100, node.doubleValue()));
			}
		}
		return null;
	}

}
