package io.dispycluster.scheduler.system;

import org.jspecify.annotations.Nullable;

import io.dispycluster.support.problem.InvalidRequestException;

/**
 * Integer query parameters ({@code limit}), read by hand rather than bound to an
 * {@code int}: a bound value too large for an {@code int} ({@code limit=99999999999}) was
 * called "must be an integer", and one too small named one bound only. Every value out of
 * range, however large, is told the range, as the controller and monitoring do.
 */
public final class QueryIntegers {

	private QueryIntegers() {
	}

	/**
	 * The integer a query parameter holds, in the forms the integers of a body take
	 * ({@code 5}, {@code 5.0}).
	 * @param name the parameter's name, for the problem
	 * @param value its value; absent or blank takes the default (as {@code limit=} left
	 * by a script with no value)
	 * @throws InvalidRequestException naming the parameter and its range
	 */
	public static int between(String name, @Nullable String value, int min, int max, int fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		Long number = WholeNumbers.of(value);
		if (number == null) {
			throw new InvalidRequestException(name, "must be an integer between " + min + " and " + max);
		}
		if (number < min || number > max) {
			throw new InvalidRequestException(name, "must be between " + min + " and " + max);
		}
		return number.intValue();
	}

}
