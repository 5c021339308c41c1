package io.dispycluster.worker.node;

import io.dispycluster.model.worker.SystemFigures;
import io.dispycluster.model.worker.WorkerHealth;

/**
 * The worker's {@code GET /health}: the {@link WorkerHealth} fields, which the controller
 * reads, and the node's system figures under {@code system}.
 *
 * @param status always {@code "ok"} when the worker answers
 * @param node the node's name
 * @param capacity how many jobs the worker runs at once
 * @param activeJobs how many it runs now
 * @param system the node's latest measured figures
 * @param instanceId the id of this worker process ({@link WorkerInstance})
 */
record HealthView(String status, String node, int capacity, int activeJobs, SystemFigures system, String instanceId) {
}
