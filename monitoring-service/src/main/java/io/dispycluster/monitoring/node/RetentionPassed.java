package io.dispycluster.monitoring.node;

import java.time.Instant;

/**
 * Published when the samples older than the retention have been deleted, so that other
 * stores (resolved alerts) apply the same retention.
 *
 * @param before the oldest instant kept
 */
public record RetentionPassed(Instant before) {
}
