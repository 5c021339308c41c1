package io.dispycluster.worker.assignment;

/**
 * The 202 answer to {@code POST /assignments} and to a cancel order.
 *
 * @param jobId the job's id
 * @param attempt the attempt the worker runs
 */
public record AssignmentAccepted(String jobId, int attempt) {
}
