package io.dispycluster.monitoring.jobs;

/**
 * The controller's queue at one moment, from its {@code GET /cluster}.
 *
 * @param pendingJobs jobs waiting for a worker
 * @param runningJobs jobs dispatched or running
 */
public record QueueFigures(long pendingJobs, long runningJobs) {
}
