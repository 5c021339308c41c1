package io.dispycluster.monitoring.node;

import java.time.Instant;

/**
 * One sample of a node, taken by a collection round.
 *
 * @param node the node's name
 * @param sampledAt when it was taken
 * @param source where the system figures came from
 * @param system the node's system figures
 * @param workload what its worker was doing
 */
public record NodeSample(String node, Instant sampledAt, SampleSource source, SystemFigures system, Workload workload) {
}
