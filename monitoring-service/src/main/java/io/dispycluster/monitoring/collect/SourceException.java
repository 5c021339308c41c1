package io.dispycluster.monitoring.collect;

import org.jspecify.annotations.Nullable;

/**
 * A node could not be sampled; the message is a short French reason that the node's
 * status shows. A refusal (connection refused, an HTTP error status, another node's
 * worker answering at its address) says the node is down; a timeout or an unreadable
 * answer may be a node only slow or busy.
 */
class SourceException extends Exception {

	private final boolean refusal;

	SourceException(String reason, @Nullable Throwable cause, boolean refusal) {
		super(reason, cause);
		this.refusal = refusal;
	}

	SourceException(String reason, Throwable cause) {
		this(reason, cause, false);
	}

	SourceException(String reason) {
		super(reason);
		this.refusal = false;
	}

	/** Whether the node refused: the connection, or with an HTTP error status. */
	boolean refusal() {
		return this.refusal;
	}

}
