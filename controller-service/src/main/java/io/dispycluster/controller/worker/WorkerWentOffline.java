package io.dispycluster.controller.worker;

/**
 * Published when a worker stopped answering, so that the jobs it held go back to the
 * queue.
 *
 * @param node the worker
 * @param reason why it is considered offline
 */
public record WorkerWentOffline(String node, String reason) {
}
