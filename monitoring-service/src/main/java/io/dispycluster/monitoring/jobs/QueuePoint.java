package io.dispycluster.monitoring.jobs;

import java.time.Instant;

/**
 * One stored reading of the controller's queue.
 *
 * @param at when it was read
 * @param pendingJobs jobs waiting for a worker
 * @param runningJobs jobs dispatched or running
 */
public record QueuePoint(Instant at, long pendingJobs, long runningJobs) {
}
