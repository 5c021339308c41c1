package io.dispycluster.monitoring.alert;

import java.util.Locale;

/**
 * The alert rules. On the wire and in metrics they are lower-case ({@code node_down}).
 */
public enum AlertRule {

	/** A node's CPU use above the threshold (percent) for the duration. */
	CPU,

	/** A node's memory use above the threshold (percent) for the duration. */
	MEMORY,

	/** A node's disk use of {@code /} above the threshold (percent) for the duration. */
	DISK,

	/** A node's hottest sensor above the threshold (°C) for the duration. */
	TEMPERATURE,

	/**
	 * A node offline for the duration: without a fresh sample, or refusing its last two
	 * samplings.
	 */
	NODE_DOWN,

	/**
	 * More than the threshold (percent) of the jobs that finished within the window
	 * failed, with at least {@code min-jobs} finished.
	 */
	FAILURE_RATE,

	/**
	 * The controller's queue grew by at least the threshold (jobs) over the window and
	 * never went back down to where it started.
	 */
	QUEUE_BACKLOG,

	/**
	 * The controller did not answer a collection round, and has not answered for longer
	 * than a node may go without a fresh sample while online.
	 */
	CONTROLLER_UNREACHABLE;

	/** The rule's name on the wire, e.g. {@code node_down}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
