package io.dispycluster.controller.worker;

/**
 * Published when a worker can take jobs again (it joined, came back online or freed a
 * slot), so that dispatch runs at once.
 *
 * @param node the worker
 */
public record WorkerAvailable(String node) {
}
