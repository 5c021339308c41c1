package io.dispycluster.controller.job;

/**
 * A job's identifier, {@code job_} followed by a time-ordered random suffix.
 *
 * @param value the identifier as it appears on the wire
 */
public record JobId(String value) {

	@Override
	public String toString() {
		return this.value;
	}

}
