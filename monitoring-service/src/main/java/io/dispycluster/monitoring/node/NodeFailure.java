package io.dispycluster.monitoring.node;

import java.time.Instant;

/**
 * A failed attempt to sample a node (or to read the controller).
 *
 * @param at when it failed
 * @param reason a short French reason, e.g. {@code réponse HTTP 503}
 * @param refusal whether the node refused (the connection, or with an HTTP error status)
 * rather than being slow or answering something unreadable: it says the node is down
 */
public record NodeFailure(Instant at, String reason, boolean refusal) {

	/** A failure that is not a refusal. */
	public NodeFailure(Instant at, String reason) {
		this(at, reason, false);
	}

}
