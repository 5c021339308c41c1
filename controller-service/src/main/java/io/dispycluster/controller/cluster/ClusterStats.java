package io.dispycluster.controller.cluster;

import org.jspecify.annotations.Nullable;

/**
 * The upstream {@code ClusterStats} of {@code GET /cluster}, plus {@code cancelled_jobs}.
 *
 * @param totalWorkers workers known (inventory and registered)
 * @param onlineWorkers workers answering their health checks (online or busy)
 * @param totalJobs jobs in the store
 * @param pendingJobs jobs waiting for a worker
 * @param runningJobs jobs dispatched or running
 * @param completedJobs jobs completed
 * @param failedJobs jobs failed
 * @param cancelledJobs jobs cancelled
 * @param averageJobDuration mean run time of completed jobs in seconds, or null
 */
public record ClusterStats(int totalWorkers, int onlineWorkers, long totalJobs, long pendingJobs, long runningJobs,
		long completedJobs, long failedJobs, long cancelledJobs, @Nullable Double averageJobDuration) {
}
