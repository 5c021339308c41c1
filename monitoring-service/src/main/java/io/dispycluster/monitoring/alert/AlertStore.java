package io.dispycluster.monitoring.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alerts, active and resolved, in the database: an active alert survives a restart
 * and is not fired twice.
 */
@Repository
class AlertStore {

	private static final String COLUMNS = "id, rule, node, severity, alert_value, threshold, message, since_ms, "
			+ "fired_ms, resolved_ms";

	private static final List<String> KNOWN_RULES = Arrays.stream(AlertRule.values()).map(AlertRule::name).toList();

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Alert alert) {
		this.jdbc
			.sql("INSERT INTO alert (" + COLUMNS + ") VALUES (:id, :rule, :node, :severity, :value, :threshold, "
					+ ":message, :since, :fired, NULL)")
			.param("id", alert.id())
			.param("rule", alert.rule().name())
			.param("node", alert.node(), java.sql.Types.VARCHAR)
			.param("severity", alert.severity().name())
			.param("value", alert.value(), java.sql.Types.DOUBLE)
			.param("threshold", alert.threshold())
			.param("message", alert.message())
			.param("since", alert.since().toEpochMilli())
			.param("fired", alert.firedAt().toEpochMilli())
			.update();
	}

	void resolve(String id, Instant at) {
		this.jdbc.sql("UPDATE alert SET resolved_ms = :at WHERE id = :id AND resolved_ms IS NULL")
			.param("at", at.toEpochMilli())
			.param("id", id)
			.update();
	}

	void severity(String id, Severity severity) {
		this.jdbc.sql("UPDATE alert SET severity = :severity WHERE id = :id AND resolved_ms IS NULL")
			.param("severity", severity.name())
			.param("id", id)
			.update();
	}

	/**
	 * The active alerts, oldest fired first. Like every read here, it leaves out the
	 * alerts of a rule this version does not have (stored by a version that had it),
	 * which nothing can evaluate or resolve any more and which would otherwise break the
	 * reads.
	 */
	List<Alert> active() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM alert WHERE resolved_ms IS NULL AND rule IN (:rules) "
					+ "ORDER BY fired_ms, id")
			.param("rules", KNOWN_RULES)
			.query(AlertStore::alert)
			.list();
	}

	/** The alerts fired since {@code from}, newest first, at most {@code limit}. */
	List<Alert> history(Instant from, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM alert WHERE fired_ms >= :from AND rule IN (:rules) "
					+ "ORDER BY fired_ms DESC, id LIMIT :limit")
			.param("from", from.toEpochMilli())
			.param("rules", KNOWN_RULES)
			.param("limit", limit)
			.query(AlertStore::alert)
			.list();
	}

	/** Deletes the alerts resolved before {@code before}. */
	int deleteResolvedBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM alert WHERE resolved_ms IS NOT NULL AND resolved_ms < :before")
			.param("before", before.toEpochMilli())
			.update();
	}

	private static Alert alert(ResultSet rs, int row) throws SQLException {
		double value = rs.getDouble("alert_value");
		Double alertValue = rs.wasNull() ? null : value;
		long resolved = rs.getLong("resolved_ms");
		Instant resolvedAt = rs.wasNull() ? null : Instant.ofEpochMilli(resolved);
		return new Alert(rs.getString("id"), AlertRule.valueOf(rs.getString("rule")), rs.getString("node"),
				Severity.valueOf(rs.getString("severity")), alertValue, rs.getDouble("threshold"),
				rs.getString("message"), Instant.ofEpochMilli(rs.getLong("since_ms")),
				Instant.ofEpochMilli(rs.getLong("fired_ms")), resolvedAt, (resolvedAt == null) ? "firing" : "resolved");
	}

}
