/**
 * The cluster-wide read API of the upstream contract: service root, health, cluster
 * statistics and the monitoring dashboard.
 */
@NullMarked
package io.dispycluster.controller.cluster;

import org.jspecify.annotations.NullMarked;
