package io.dispycluster.monitoring.node;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored metric samples of the nodes.
 */
@Repository
public class NodeSamples {

	private final JdbcClient jdbc;

	NodeSamples(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many samples are stored, all nodes together. */
	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM node_sample").query(Long.class).single();
	}

}
