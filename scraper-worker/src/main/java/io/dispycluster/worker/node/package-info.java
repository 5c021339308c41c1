/**
 * The worker node itself: its identity, capacity and health endpoints.
 */
@NullMarked
package io.dispycluster.worker.node;

import org.jspecify.annotations.NullMarked;
