package io.dispycluster.monitoring.alert;

import org.jspecify.annotations.Nullable;

/**
 * What one evaluation sees for one rule and one node (or the whole cluster).
 *
 * @param rule the rule
 * @param node the node, or null for a cluster-wide rule
 * @param holds whether the condition holds now; null when it cannot be known (the
 * controller did not answer, the source does not give the figure), which changes nothing
 * @param value the measured value, or null
 * @param message what is wrong, in French, should the alert fire now
 */
record Observation(AlertRule rule, @Nullable String node, @Nullable Boolean holds, @Nullable Double value,
		String message) {

	/** The key that identifies an alert: one active alert per rule and node at most. */
	Key key() {
		return new Key(this.rule, this.node);
	}

	static Observation unknown(AlertRule rule, @Nullable String node) {
		return new Observation(rule, node, null, null, "");
	}

	/**
	 * A rule and a node.
	 *
	 * @param rule the rule
	 * @param node the node, or null
	 */
	record Key(AlertRule rule, @Nullable String node) {

		static Key of(Alert alert) {
			return new Key(alert.rule(), alert.node());
		}

	}

}
