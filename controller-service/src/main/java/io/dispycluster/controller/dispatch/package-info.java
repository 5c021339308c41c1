/**
 * Dispatch: claims queued jobs in queue order for the online workers with the most free
 * capacity, sends the assignments, takes the workers' progress and reports, and keeps
 * every attempt honest with leases, requeues with backoff and timeouts.
 */
@NullMarked
package io.dispycluster.controller.dispatch;

import org.jspecify.annotations.NullMarked;
