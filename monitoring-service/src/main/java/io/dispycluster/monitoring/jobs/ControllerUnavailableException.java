package io.dispycluster.monitoring.jobs;

import org.jspecify.annotations.Nullable;

/**
 * The controller did not answer, or answered something this service cannot read. The
 * message is a short French reason, fit for an issue or a node's error.
 */
public class ControllerUnavailableException extends RuntimeException {

	public ControllerUnavailableException(String reason, @Nullable Throwable cause) {
		super(reason, cause);
	}

}
