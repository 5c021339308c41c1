package io.dispycluster.controller.job;

/**
 * Published after a job that a worker held was cancelled, so that the cancellation
 * reaches the worker.
 *
 * @param jobId the cancelled job
 * @param attempt the attempt the worker held
 * @param node the worker
 */
public record JobCancelled(JobId jobId, int attempt, String node) {
}
