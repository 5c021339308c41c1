package io.dispycluster.monitoring.health;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.alert.Severity;

/**
 * Something wrong in the cluster now.
 *
 * @param node the node it is about, or null for the whole cluster
 * @param rule what kind of problem: an alert rule's name, or {@code controller},
 * {@code nodes_down}, {@code no_nodes}
 * @param severity warning or critical
 * @param message upstream's issue string, e.g. {@code node6: CPU usage élevé (95.3%)}
 */
record Issue(@Nullable String node, String rule, Severity severity, String message) {
}
