/**
 * The asynchronous assignment API: the controller's crawl orders, run on a bounded pool,
 * with progress and cancellation.
 */
@NullMarked
package io.dispycluster.worker.assignment;

import org.jspecify.annotations.NullMarked;
