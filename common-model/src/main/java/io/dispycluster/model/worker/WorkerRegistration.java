package io.dispycluster.model.worker;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

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
 */
public record WorkerRegistration(String node, String url, int capacity, Map<String, String> labels) {

	public WorkerRegistration {
		// Sorted, for stable answers; null values are kept for the controller to refuse.
		labels = (labels != null) ? Collections.unmodifiableMap(new TreeMap<>(labels)) : Map.of();
	}

	/** A registration without labels. */
	public WorkerRegistration(String node, String url, int capacity) {
		this(node, url, capacity, Map.of());
	}

}
