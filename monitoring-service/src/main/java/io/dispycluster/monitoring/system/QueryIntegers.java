package io.dispycluster.monitoring.system;

import java.util.OptionalInt;

/**
 * Whole numbers given as query parameters: an optional {@code +} and ASCII digits, spaces
 * around them allowed. {@link Integer#parseInt} alone also takes the digits of other
 * scripts ({@code ５}, {@code ٣}), which no caller means as a number.
 */
public final class QueryIntegers {

	private QueryIntegers() {
	}

	/** The value, or empty when it is no such number or does not fit an int. */
	public static OptionalInt parse(String raw) {
		String value = raw.strip();
		String digits = value.startsWith("+") ? value.substring(1) : value;
		if (digits.isEmpty() || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return OptionalInt.empty();
		}
		try {
			return OptionalInt.of(Integer.parseInt(digits));
		}
		catch (NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

}
