package io.dispycluster.monitoring.collect;

/**
 * A node could not be sampled; the message is a short French reason that the node's
 * status shows.
 */
class SourceException extends Exception {

	SourceException(String reason, Throwable cause) {
		super(reason, cause);
	}

	SourceException(String reason) {
		super(reason);
	}

}
