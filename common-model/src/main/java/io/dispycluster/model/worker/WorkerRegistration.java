package io.dispycluster.model.worker;

/**
 * A worker announcing itself to the controller at start-up, so a new node joins the
 * cluster by starting its worker.
 *
 * @param node the node's name, unique in the cluster (e.g. {@code node6.lan})
 * @param url the base URL where the controller reaches the worker
 * @param capacity how many jobs the worker runs at once
 */
public record WorkerRegistration(String node, String url, int capacity) {
}
