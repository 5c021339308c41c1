package io.dispycluster.controller.worker;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Keeps two workers started with the same node name (an easy mistake: the default name, a
 * copied configuration) from taking the name from each other. Each of them would look
 * like a restart of the other at every registration, and the jobs of the node would be
 * requeued again and again. A registration from another URL and another process than the
 * node's current worker is refused while that worker still answers its health check with
 * this name; one whose old worker is gone (a restart on a new address) is a restart.
 */
@Component
class NodeNameGuard {

	private static final Logger LOG = LoggerFactory.getLogger(NodeNameGuard.class);

	private final WorkerClient client;

	NodeNameGuard(WorkerClient client) {
		this.client = client;
	}

	/**
	 * Refuses a registration that would take the name of a running worker.
	 * @param known the node's current worker
	 * @param url where the newcomer is reached
	 * @param instanceId the newcomer's process id, or null
	 * @throws NodeNameInUseException when the current worker, at another URL, still
	 * answers as this node from another process
	 */
	void check(Worker known, String url, @Nullable String instanceId) {
		if (known.url().equals(url) || instanceId == null) {
			// Same address: the same worker, or its restart. Without a process id a
			// newcomer cannot be told from the current worker moving, as before.
			return;
		}
		String current = currentInstance(known);
		if (current != null && !current.equals(instanceId)) {
			LOG.warn("Registration refused, node name in use: node={} used_by={} newcomer={}", known.node(),
					known.url(), url);
			throw new NodeNameInUseException(known.node(), known.url(), url);
		}
	}

	/** The process id the current worker answers with as this node, or null. */
	private @Nullable String currentInstance(Worker known) {
		JsonNode health;
		try {
			health = this.client.health(WorkerClient.at(known.url()));
		}
		catch (RestClientException ex) {
			return null; // gone: the newcomer is its restart
		}
		if (health == null || !health.isObject()) {
			return null;
		}
		JsonNode node = health.get("node");
		if (node != null && node.isString() && !Objects.equals(node.stringValue(), known.node())) {
			return null; // its old address now serves another node
		}
		return HealthReport.from(health).instanceId();
	}

}
