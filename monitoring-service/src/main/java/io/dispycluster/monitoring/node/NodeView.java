package io.dispycluster.monitoring.node;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A monitored node as the service sees it now.
 *
 * @param node the node's name
 * @param online whether its latest sample is fresh
 * @param latest its latest sample, or null if it was never sampled
 * @param lastFailure the latest failure to sample it since its latest sample, or null
 */
public record NodeView(String node, boolean online, @Nullable NodeSample latest, @Nullable NodeFailure lastFailure) {

	/** When the node was last sampled, or null. */
	public @Nullable Instant lastUpdate() {
		return (this.latest != null) ? this.latest.sampledAt() : null;
	}

}
