/**
 * The monitoring service of DispyCluster.
 */
@NullMarked
package io.dispycluster.monitoring;

import org.jspecify.annotations.NullMarked;
