package io.dispycluster.gateway.upstream;

/**
 * The services behind the gateway, named as the upstream contract names them in
 * {@code /health}, {@code /overview} and {@code /services}.
 */
public enum Service {

	/** The cluster controller: jobs, workers, dispatch. */
	CLUSTER_CONTROLLER("cluster_controller", "controller"),

	/** The monitoring service: nodes, alerts, performance. */
	MONITORING("monitoring", "monitoring"),

	/** The scheduler: tasks and workflows. */
	SCHEDULER("scheduler", "scheduler");

	private final String key;

	private final String configKey;

	Service(String key, String configKey) {
		this.key = key;
		this.configKey = configKey;
	}

	/** The service's name on the wire, e.g. {@code cluster_controller}. */
	public String key() {
		return this.key;
	}

	/**
	 * The service's name in configuration: its {@code dispycluster.services} entry and
	 * its circuit breaker ({@code resilience4j.circuitbreaker.instances.<name>}).
	 */
	public String configKey() {
		return this.configKey;
	}

}
