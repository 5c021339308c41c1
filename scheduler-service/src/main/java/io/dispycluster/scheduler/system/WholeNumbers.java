package io.dispycluster.scheduler.system;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Whole numbers inside the free-form objects of a body ({@code schedule_config}, a step's
 * {@code config}), read in the forms the typed fields of a body take ({@code 5},
 * {@code 5.0}, {@code "5"}), as the upstream did.
 */
public final class WholeNumbers {

	private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private WholeNumbers() {
	}

	/**
	 * The whole number a value holds, clamped to a long so that a range check names one
	 * too large; null if it holds none (a fraction, a word, a boolean).
	 */
	public static @Nullable Long of(@Nullable Object value) {
		if (!(value instanceof Number || value instanceof String)) {
			return null;
		}
		String text = value.toString().strip();
		if (!text.chars().allMatch((c) -> c < 128)) {
			// BigDecimal reads the digits of every script ("５", "٣"); a number is
			// written in ASCII, as everywhere else in the cluster
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(text);
			return (number.stripTrailingZeros().scale() <= 0) ? number.max(MIN).min(MAX).longValue() : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
