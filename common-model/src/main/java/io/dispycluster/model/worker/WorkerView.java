package io.dispycluster.model.worker;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A worker as the controller's {@code GET /workers} lists it: the upstream
 * {@code WorkerStatus} plus {@code url} and {@code capacity}.
 *
 * @param node the node's name
 * @param status online, busy or offline
 * @param lastSeen when it last answered a health check, or null if never
 * @param activeJobs jobs it runs now
 * @param totalJobsCompleted jobs it completed since it joined
 * @param cpuUsage CPU use in percent from its last health check, or null
 * @param memoryUsage memory use in percent from its last health check, or null
 * @param url its base URL
 * @param capacity how many jobs it runs at once
 * @param labels its node labels (inventory and worker's own, merged), empty when none
 */
public record WorkerView(String node, WorkerState status, @Nullable Instant lastSeen, int activeJobs,
		long totalJobsCompleted, @Nullable Double cpuUsage, @Nullable Double memoryUsage, String url, int capacity,
		Map<String, String> labels) {

	public WorkerView {
		// Absent from the answer of an older controller: no labels.
		labels = (labels != null) ? Collections.unmodifiableMap(new TreeMap<>(labels)) : Map.of();
	}

	/** A view without labels. */
	public WorkerView(String node, WorkerState status, @Nullable Instant lastSeen, int activeJobs,
			long totalJobsCompleted, @Nullable Double cpuUsage, @Nullable Double memoryUsage, String url,
			int capacity) {
		this(node, status, lastSeen, activeJobs, totalJobsCompleted, cpuUsage, memoryUsage, url, capacity, Map.of());
	}

}
