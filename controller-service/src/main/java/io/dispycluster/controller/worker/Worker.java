package io.dispycluster.controller.worker;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.dispycluster.model.worker.WorkerState;
import org.jspecify.annotations.Nullable;

/**
 * A worker as the registry stores it.
 *
 * @param node its unique node name
 * @param url its base URL
 * @param capacity how many jobs it runs at once
 * @param status online (reachable, taking jobs), busy (refused a job or reported itself
 * full) or offline (not answering)
 * @param source whether it comes from the inventory or registered itself
 * @param joinedAt when the controller first heard of it
 * @param lastSeen when it last answered, or null
 * @param lastAssignedAt when it was last given a job, or null
 * @param failedChecks consecutive failed health checks
 * @param reportedActiveJobs how many jobs it said it runs at its last health check
 * @param totalJobsCompleted jobs it completed
 * @param cpuUsage CPU use in percent from its last health check, or null
 * @param memoryUsage memory use in percent from its last health check, or null
 * @param temperatureC CPU temperature in °C from its last health check, or null
 * @param lastError why its last check or call failed, or null
 * @param labels its node labels: the worker's own with the inventory's merged over them
 */
public record Worker(String node, String url, int capacity, WorkerState status, Source source, Instant joinedAt,
		@Nullable Instant lastSeen, @Nullable Instant lastAssignedAt, int failedChecks,
		@Nullable Integer reportedActiveJobs, long totalJobsCompleted, @Nullable Double cpuUsage,
		@Nullable Double memoryUsage, @Nullable Double temperatureC, @Nullable String lastError,
		Map<String, String> labels) {

	public Worker {
		labels = (labels != null) ? Collections.unmodifiableMap(new TreeMap<>(labels)) : Map.of();
	}

	/** A worker without labels. */
	public Worker(String node, String url, int capacity, WorkerState status, Source source, Instant joinedAt,
			@Nullable Instant lastSeen, @Nullable Instant lastAssignedAt, int failedChecks,
			@Nullable Integer reportedActiveJobs, long totalJobsCompleted, @Nullable Double cpuUsage,
			@Nullable Double memoryUsage, @Nullable Double temperatureC, @Nullable String lastError) {
		this(node, url, capacity, status, source, joinedAt, lastSeen, lastAssignedAt, failedChecks, reportedActiveJobs,
				totalJobsCompleted, cpuUsage, memoryUsage, temperatureC, lastError, Map.of());
	}

	/** Where the controller learned of a worker. */
	public enum Source {

		/** The node inventory of the configuration. */
		INVENTORY,

		/** The worker registered itself. */
		REGISTERED

	}

}
