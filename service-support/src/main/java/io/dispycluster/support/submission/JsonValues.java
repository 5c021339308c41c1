package io.dispycluster.support.submission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.dispycluster.support.problem.FieldProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Numbers and booleans of a submission, read as leniently as scripts written against the
 * upstream send them ({@code 10}, {@code 10.0}, {@code "10"}, {@code "true"}).
 */
public final class JsonValues {

	private JsonValues() {
	}

	/**
	 * The integral value of a number or numeric string, or null if it has a fraction or
	 * is not a number. Huge magnitudes are clamped (they are out of range anyway), so
	 * that {@code 1e999999999} costs nothing.
	 */
	public static @Nullable BigDecimal integral(JsonNode node) {
		if (node.isIntegralNumber()) {
			return clamp(new BigDecimal(node.bigIntegerValue()));
		}
		if (node.isFloatingPointNumber()) {
			double value = node.doubleValue();
			return (Double.isFinite(value) && value == Math.rint(value)) ? clamp(BigDecimal.valueOf(value)) : null;
		}
		if (node.isString()) {
			try {
				BigDecimal value = clamp(new BigDecimal(node.stringValue().strip()));
				return (value.stripTrailingZeros().scale() <= 0) ? value : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static BigDecimal clamp(BigDecimal value) {
		BigDecimal limit = BigDecimal.valueOf(Long.MAX_VALUE);
		if (value.abs().compareTo(limit) > 0) {
			return (value.signum() > 0) ? limit : limit.negate();
		}
		return value;
	}

	/**
	 * A boolean field as scripts written against the upstream send it: {@code true},
	 * {@code "true"} or {@code " False "}.
	 * @return the value, or null when absent or invalid (then with a problem added)
	 */
	public static @Nullable Boolean booleanOf(@Nullable JsonNode node, String field, List<FieldProblem> errors) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			String text = node.stringValue().strip().toLowerCase(Locale.ROOT);
			if (text.equals("true") || text.equals("false")) {
				return Boolean.parseBoolean(text);
			}
		}
		errors.add(new FieldProblem(field, "must be a boolean"));
		return null;
	}

}
