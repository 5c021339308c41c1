package io.dispycluster.model.worker;

/**
 * A worker's {@code GET /health}: the upstream {@code {"status":"ok"}} plus what the
 * controller needs to dispatch.
 *
 * @param status always {@code "ok"} when the worker answers
 * @param node the node's name
 * @param capacity how many jobs the worker runs at once
 * @param activeJobs how many it runs now
 */
public record WorkerHealth(String status, String node, int capacity, int activeJobs) {
}
