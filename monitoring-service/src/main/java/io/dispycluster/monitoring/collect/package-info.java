/**
 * Collection rounds: which nodes to sample, reading the workers' health and node_exporter
 * (with a parser of the Prometheus text format), and the arithmetic that turns counters
 * into percentages and rates.
 */
@NullMarked
package io.dispycluster.monitoring.collect;

import org.jspecify.annotations.NullMarked;
