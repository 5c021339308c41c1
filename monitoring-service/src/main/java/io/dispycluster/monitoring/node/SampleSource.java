package io.dispycluster.monitoring.node;

import java.util.Locale;

/**
 * Where a node's system figures came from.
 */
public enum SampleSource {

	/** The scraper worker's own {@code GET /health}. */
	WORKER,

	/** Prometheus node_exporter on the node. */
	NODE_EXPORTER;

	/** The name stored and shown, e.g. {@code node_exporter}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
