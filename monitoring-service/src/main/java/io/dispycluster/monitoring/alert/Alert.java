package io.dispycluster.monitoring.alert;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An alert: fired once when its rule's condition has held for the rule's duration, and
 * resolved when the condition clears.
 *
 * @param id its id, {@code alert_...}
 * @param rule the rule that fired it
 * @param node the node it is about, or null for a cluster-wide rule (failure rate, queue)
 * @param severity warning or critical: its rule's, also when the rule's severity changed
 * after it fired
 * @param value the measured value when it fired (percent, °C, seconds without a sample,
 * or jobs in the queue)
 * @param threshold the rule's threshold
 * @param message what is wrong, in French
 * @param since when the condition started to hold
 * @param firedAt when the alert fired (since + the rule's duration, or later)
 * @param resolvedAt when the condition cleared, or null while it is active
 * @param status {@code firing} or {@code resolved}
 */
public record Alert(String id, AlertRule rule, @Nullable String node, Severity severity, @Nullable Double value,
		double threshold, String message, Instant since, Instant firedAt, @Nullable Instant resolvedAt, String status) {

	/** The longest message stored (the size of its column). */
	static final int MAX_MESSAGE = 1000;

	/**
	 * An active alert. A longer message than {@link #MAX_MESSAGE} (a node's reason with a
	 * very long URL) is cut, ending with an ellipsis, so that the alert still fires.
	 */
	static Alert firing(String id, AlertRule rule, @Nullable String node, Severity severity, @Nullable Double value,
			double threshold, String message, Instant since, Instant firedAt) {
		String stored = (message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
		return new Alert(id, rule, node, severity, value, threshold, stored, since, firedAt, null, "firing");
	}

	/** This alert, resolved at {@code at}. */
	Alert resolved(Instant at) {
		return new Alert(this.id, this.rule, this.node, this.severity, this.value, this.threshold, this.message,
				this.since, this.firedAt, at, "resolved");
	}

	/** Whether it is still active. */
	public boolean active() {
		return this.resolvedAt == null;
	}

}
