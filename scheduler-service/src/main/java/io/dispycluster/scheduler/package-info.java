/**
 * The scheduler service of DispyCluster.
 */
@NullMarked
package io.dispycluster.scheduler;

import org.jspecify.annotations.NullMarked;
