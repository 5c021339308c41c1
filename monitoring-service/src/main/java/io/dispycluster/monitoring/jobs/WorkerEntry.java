package io.dispycluster.monitoring.jobs;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A worker as the controller's {@code GET /workers} lists it; only the fields this
 * service uses.
 *
 * @param node the node's name
 * @param status {@code online}, {@code busy} or {@code offline}
 * @param url the worker's base URL, or null when the controller did not give one
 * @param activeJobs jobs it runs now, or null
 * @param capacity how many jobs it runs at once, or null
 * @param labels its node labels, or null from a controller that does not give them
 */
public record WorkerEntry(String node, @Nullable String status, @Nullable String url, @Nullable Integer activeJobs,
		@Nullable Integer capacity, @Nullable Map<String, String> labels) {
}
