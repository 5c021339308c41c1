/**
 * The gateway's own views of the cluster, each assembled from calls to the services made
 * at the same time.
 */
@NullMarked
package io.dispycluster.gateway.overview;

import org.jspecify.annotations.NullMarked;
