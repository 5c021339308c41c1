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
			if (Double.isInfinite(value)) {
				// a number beyond a double (1e400) is read as infinite: an integer of
				// that size, out of any range, as "1e400" written as a string is
				return clamp(BigDecimal.valueOf(Math.copySign(Double.MAX_VALUE, value)));
			}
			return (!Double.isNaN(value) && value == Math.rint(value)) ? clamp(BigDecimal.valueOf(value)) : null;
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

	/**
	 * An integer field of a JSON object, in a range.
	 * @param body the object
	 * @param field the field's name
	 * @param min the least value accepted
	 * @param max the greatest value accepted ({@link Integer#MAX_VALUE}: no upper bound
	 * but an int's)
	 * @param errors where a problem is added when the value is not an integer or out of
	 * range
	 * @return the value, or null when absent or invalid
	 */
	public static @Nullable Integer integerBetween(JsonNode body, String field, int min, int max,
			List<FieldProblem> errors) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		BigDecimal value = integral(node);
		if (value == null) {
			errors.add(new FieldProblem(field, "must be an integer"));
			return null;
		}
		boolean belowMin = value.compareTo(BigDecimal.valueOf(min)) < 0;
		if (belowMin || value.compareTo(BigDecimal.valueOf(max)) > 0) {
			// an open-ended field names the bound that was crossed
			String range = (max != Integer.MAX_VALUE) ? "must be between " + min + " and " + max
					: belowMin ? "must be at least " + min : "must be at most " + max;
			errors.add(new FieldProblem(field, range));
			return null;
		}
		return value.intValue();
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
