package io.dispycluster.monitoring.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.alert.Observation.Key;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each pending condition started to hold, in the database: a restart of the service
 * resumes the wait for the rule's duration instead of starting it again. Written only
 * when a condition starts or stops pending, not on every round.
 */
@Repository
class PendingStore {

	/** Stands for the node of a cluster-wide rule, so that the key has no null. */
	private static final String CLUSTER = "";

	private final JdbcClient jdbc;

	PendingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every pending condition and when it started to hold. */
	Map<Key, Instant> load() {
		Map<Key, Instant> pending = new HashMap<>();
		this.jdbc.sql("SELECT rule, node, since_ms FROM alert_pending").query((rs) -> {
			AlertRule rule = rule(rs.getString("rule"));
			if (rule != null) {
				String node = rs.getString("node");
				pending.put(new Key(rule, CLUSTER.equals(node) ? null : node),
						Instant.ofEpochMilli(rs.getLong("since_ms")));
			}
		});
		return pending;
	}

	void add(Key key, Instant since) {
		this.jdbc.sql("DELETE FROM alert_pending WHERE rule = :rule AND node = :node")
			.param("rule", key.rule().name())
			.param("node", node(key))
			.update();
		this.jdbc.sql("INSERT INTO alert_pending (rule, node, since_ms) VALUES (:rule, :node, :since)")
			.param("rule", key.rule().name())
			.param("node", node(key))
			.param("since", since.toEpochMilli())
			.update();
	}

	void remove(Key key) {
		this.jdbc.sql("DELETE FROM alert_pending WHERE rule = :rule AND node = :node")
			.param("rule", key.rule().name())
			.param("node", node(key))
			.update();
	}

	private static String node(Key key) {
		return (key.node() != null) ? key.node() : CLUSTER;
	}

	/** A rule stored by an older version and since removed is forgotten. */
	private static @Nullable AlertRule rule(String name) {
		try {
			return AlertRule.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
