package io.dispycluster.monitoring.node;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A monitored node as the service sees it now.
 *
 * @param node the node's name
 * @param online whether its latest sample is fresh
 * @param latest its latest sample, or null if it was never sampled
 * @param lastFailure the latest failure to sample it since its latest sample, or null
 * @param labels its node labels, empty when none
 */
public record NodeView(String node, boolean online, @Nullable NodeSample latest, @Nullable NodeFailure lastFailure,
		Map<String, String> labels) {

	/** A node without labels. */
	public NodeView(String node, boolean online, @Nullable NodeSample latest, @Nullable NodeFailure lastFailure) {
		this(node, online, latest, lastFailure, Map.of());
	}

	/** When the node was last sampled, or null. */
	public @Nullable Instant lastUpdate() {
		return (this.latest != null) ? this.latest.sampledAt() : null;
	}

}
