package io.dispycluster.worker.system;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.submission.JsonValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The integer fields of a body, read as the controller reads them ({@link JsonValues}):
 * {@code 5}, {@code 5.0} and {@code "5"} are 5, {@code 5.5} is no integer, and a number
 * beyond an int's range is brought to the nearest int, which the field's own range check
 * then refuses (or, for an open-ended field, takes). Left to Jackson, {@code 5.5} was
 * read as 5 and {@code 99999999999} answered as a body that is not JSON.
 */
final class IntegerFields {

	private IntegerFields() {
	}

	/**
	 * A copy of a body whose integer fields (those of nested records included) are plain
	 * ints.
	 * @param body the JSON object
	 * @param type the record it is read as
	 * @param prefix what to put before field names in problems
	 * @param problems where a field that is no integer is named
	 * @return the copy
	 */
	static ObjectNode normalized(ObjectNode body, Class<?> type, String prefix, List<FieldProblem> problems) {
		ObjectNode copy = body.deepCopy();
		normalize(copy, type, prefix, problems);
		return copy;
	}

	private static void normalize(ObjectNode body, Class<?> type, String prefix, List<FieldProblem> problems) {
		if (!type.isRecord()) {
			return;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			String name = snakeCase(component.getName());
			JsonNode value = body.get(name);
			if (value == null || value.isNull()) {
				continue;
			}
			Class<?> fieldType = component.getType();
			if (fieldType == Integer.class || fieldType == int.class) {
				normalizeInteger(body, name, prefix, problems);
			}
			else if (value instanceof ObjectNode nested) {
				normalize(nested, fieldType, prefix + name + ".", problems);
			}
		}
	}

	private static void normalizeInteger(ObjectNode body, String name, String prefix, List<FieldProblem> problems) {
		BigDecimal value = JsonValues.integral(body.get(name));
		if (value == null) {
			problems.add(new FieldProblem(prefix + name, "must be an integer"));
			return;
		}
		BigDecimal clamped = value.max(BigDecimal.valueOf(Integer.MIN_VALUE))
			.min(BigDecimal.valueOf(Integer.MAX_VALUE));
		body.put(name, clamped.intValue());
	}

	// The wire's names: maxDurationS -> max_duration_s.
	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
