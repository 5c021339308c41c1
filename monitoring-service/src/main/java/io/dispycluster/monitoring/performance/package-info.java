/**
 * The performance report: the controller's real job data over a window, with the nodes'
 * samples, and the bottlenecks they show.
 */
@NullMarked
package io.dispycluster.monitoring.performance;

import org.jspecify.annotations.NullMarked;
