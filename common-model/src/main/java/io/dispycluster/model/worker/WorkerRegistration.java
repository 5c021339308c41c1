package io.dispycluster.model.worker;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A worker announcing itself to the controller at start-up, so a new node joins the
 * cluster by starting its worker.
 *
 * @param node the node's name, unique in the cluster (e.g. {@code node6.lan})
 * @param url the base URL where the controller reaches the worker
 * @param capacity how many jobs the worker runs at once
 * @param labels what the worker says of its node ({@code model: pi4},
 * {@code zone: attic}), which jobs may ask for; empty when none (older workers send
 * none). For a node of the inventory, the inventory's labels override these key by key.
 * @param instanceId what the worker process picked at its start (a random UUID), the same
 * in every registration of that process, or null (older workers): a new one tells the
 * controller the worker restarted, so that the jobs its previous run held go back to the
 * queue at once rather than when their leases expire
 */
public record WorkerRegistration(String node, String url, int capacity, Map<String, String> labels,
		@Nullable String instanceId) {

	public WorkerRegistration {
		// Sorted, for stable answers; null values are kept for the controller to refuse.
		labels = (labels != null) ? Collections.unmodifiableMap(new TreeMap<>(labels)) : Map.of();
	}

	/** A registration that does not tell the worker's run apart. */
	public WorkerRegistration(String node, String url, int capacity, Map<String, String> labels) {
		this(node, url, capacity, labels, null);
	}

	/** A registration without labels. */
	public WorkerRegistration(String node, String url, int capacity) {
		this(node, url, capacity, Map.of());
	}

}
