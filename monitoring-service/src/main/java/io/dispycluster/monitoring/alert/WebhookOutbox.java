package io.dispycluster.monitoring.alert;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook notifications waiting to be delivered, in the database: a notification
 * survives a restart of the monitoring service and a webhook down for a while, and goes
 * out once, in order, when the webhook answers.
 */
@Repository
class WebhookOutbox {

	private static final String COLUMNS = "id, webhook_url, alert_id, alert_status, body, attempts, next_attempt_ms";

	private final JdbcClient jdbc;

	WebhookOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String webhookUrl, String alertId, String alertStatus, String body, long dueMs) {
		this.jdbc
			.sql("INSERT INTO webhook_outbox (webhook_url, alert_id, alert_status, body, attempts, next_attempt_ms) "
					+ "VALUES (:url, :alert, :status, :body, 0, :due)")
			.param("url", webhookUrl)
			.param("alert", alertId)
			.param("status", alertStatus)
			.param("body", body)
			.param("due", dueMs)
			.update();
	}

	/** The notifications waiting, oldest first, at most {@code limit}. */
	List<Notification> waiting(int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook_outbox ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("webhook_url"), rs.getString("alert_id"),
					rs.getString("alert_status"), rs.getString("body"), rs.getInt("attempts"),
					rs.getLong("next_attempt_ms")))
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_outbox").query(Long.class).single();
	}

	void remove(long id) {
		this.jdbc.sql("DELETE FROM webhook_outbox WHERE id = :id").param("id", id).update();
	}

	void retryAt(long id, int attempts, long dueMs) {
		this.jdbc.sql("UPDATE webhook_outbox SET attempts = :attempts, next_attempt_ms = :due WHERE id = :id")
			.param("attempts", attempts)
			.param("due", dueMs)
			.param("id", id)
			.update();
	}

	/**
	 * A notification waiting.
	 *
	 * @param id its place in the outbox (the order it was made in)
	 * @param webhookUrl where it goes
	 * @param alertId the alert it is about
	 * @param alertStatus {@code firing} or {@code resolved}
	 * @param body the JSON to post
	 * @param attempts the calls that failed so far
	 * @param nextAttemptMs when it may be tried next (epoch milliseconds)
	 */
	record Notification(long id, String webhookUrl, String alertId, String alertStatus, String body, int attempts,
			long nextAttemptMs) {
	}

}
