package io.dispycluster.monitoring.system;

import io.dispycluster.support.problem.InvalidRequestException;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The {@code hours} query parameter of the history and report endpoints: a whole number
 * of hours between 1 and the retention of the samples, 24 when absent. Anything else is
 * answered with a 422 problem naming the field.
 */
public final class WindowHours {

	/** The window when the request does not give one, as upstream. */
	public static final int DEFAULT = 24;

	private WindowHours() {
	}

	/**
	 * Parses and checks {@code hours}.
	 * @param value the raw parameter, or null
	 * @param retention how long samples are kept: the longest window that means anything
	 * @return the window in hours
	 * @throws InvalidRequestException when the value is not an integer in range
	 */
	public static int parse(@Nullable String value, Duration retention) {
		int max = (int) Math.max(1, retention.toHours());
		if (value == null || value.isBlank()) {
			return Math.min(DEFAULT, max);
		}
		int hours = QueryIntegers.parse(value).orElse(0);
		if (hours >= 1 && hours <= max) {
			return hours;
		}
		throw new InvalidRequestException("hours",
				"must be an integer between 1 and " + max + " (the retention of the samples)");
	}

}
