package io.dispycluster.worker.node;

import java.util.Map;

/**
 * The worker's {@code GET /}, in the shape every DispyCluster service answers it.
 *
 * @param service the service's name
 * @param version the service's version
 * @param status always {@code running}
 * @param endpoints the main endpoints by name
 */
record ServiceInfo(String service, String version, String status, Map<String, String> endpoints) {
}
