package io.dispycluster.gateway.upstream;

/**
 * The services behind the gateway, named as the upstream contract names them in
 * {@code /health}, {@code /overview} and {@code /services}.
 */
public enum Service {

	/** The cluster controller: jobs, workers, dispatch. */
	CLUSTER_CONTROLLER("cluster_controller"),

	/** The monitoring service: nodes, alerts, performance. */
	MONITORING("monitoring"),

	/** The scheduler: tasks and workflows. */
	SCHEDULER("scheduler");

	private final String key;

	Service(String key) {
		this.key = key;
	}

	/** The service's name on the wire, e.g. {@code cluster_controller}. */
	public String key() {
		return this.key;
	}

}
