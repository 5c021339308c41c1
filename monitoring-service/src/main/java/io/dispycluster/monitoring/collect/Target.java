package io.dispycluster.monitoring.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.jobs.WorkerEntry;
import io.dispycluster.monitoring.node.NodeInventoryProperties;
import io.dispycluster.monitoring.node.NodeLabels;

/**
 * A node to sample in a round.
 *
 * @param node its name
 * @param workerUrl the base URL of its scraper worker, or null when none is known
 * @param exporterUrl the URL of its node_exporter metrics when the inventory says it has
 * one, else null: then the worker's health gives the system figures
 * @param controllerView what the controller says of its worker, or null
 * @param labels its labels: the controller's, with the inventory's over them key by key
 */
record Target(String node, @Nullable String workerUrl, @Nullable String exporterUrl,
		@Nullable WorkerEntry controllerView, Map<String, String> labels) {

	/**
	 * The nodes of a round: every node of the inventory, in its order, then every other
	 * worker the controller knows. A worker known to both is one node, reached as the
	 * inventory says.
	 */
	static List<Target> of(List<NodeInventoryProperties.Node> inventory, List<WorkerEntry> workers) {
		Map<String, WorkerEntry> byNode = new LinkedHashMap<>();
		workers.forEach((worker) -> byNode.putIfAbsent(worker.node(), worker));
		List<Target> targets = new ArrayList<>();
		for (NodeInventoryProperties.Node node : inventory) {
			WorkerEntry worker = byNode.remove(node.name());
			targets.add(new Target(node.name(), node.workerUrl(), node.nodeExporter() ? node.nodeExporterUrl() : null,
					worker, NodeLabels.merge((worker != null) ? worker.labels() : null, node.labels())));
		}
		byNode.values()
			.forEach((worker) -> targets.add(new Target(worker.node(), worker.url(), null, worker,
					NodeLabels.merge(worker.labels(), Map.of()))));
		return targets;
	}

}
