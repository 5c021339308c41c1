package io.dispycluster.monitoring.system;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Rounding and formatting of the figures the service shows.
 */
public final class Figures {

	private Figures() {
	}

	/** Rounds to two decimals; null stays null. */
	public static @Nullable Double round2(@Nullable Double value) {
		return (value == null) ? null : round(value, 2);
	}

	/** Rounds to the given number of decimals (half up). */
	public static double round(double value, int decimals) {
		if (!Double.isFinite(value)) {
			return value;
		}
		return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
	}

	/** One decimal with a dot, as in the upstream messages ({@code 95.3}). */
	public static String oneDecimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
