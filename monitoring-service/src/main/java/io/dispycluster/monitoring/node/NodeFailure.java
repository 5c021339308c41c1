package io.dispycluster.monitoring.node;

import java.time.Instant;

/**
 * A failed attempt to sample a node (or to read the controller).
 *
 * @param at when it failed
 * @param reason a short French reason, e.g. {@code réponse HTTP 503}
 */
public record NodeFailure(Instant at, String reason) {
}
