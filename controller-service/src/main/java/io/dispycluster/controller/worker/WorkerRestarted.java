package io.dispycluster.controller.worker;

import java.time.Instant;

/**
 * Published when a worker registered from a new process: whatever its previous run held
 * is gone, except what the new run was given since it started.
 *
 * @param node the worker
 * @param url where it is reached
 * @param registeredAt when the new run registered
 */
public record WorkerRestarted(String node, String url, Instant registeredAt) {
}
