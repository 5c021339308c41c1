package io.dispycluster.monitoring.node;

import java.time.Instant;

/**
 * Published when a collection round has stored its samples, so that alerts are evaluated
 * on fresh data.
 *
 * @param at the instant of the round
 */
public record RoundCompleted(Instant at) {
}
