package io.dispycluster.support.problem;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * One invalid field of a request, as listed in the {@code errors} member of a 422
 * problem.
 *
 * @param field the field's name as the client wrote it (snake_case, with a path such as
 * {@code steps[0].step_id} for nested fields)
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {

	/**
	 * By field name, indexes in numeric order ({@code urls[2]} before {@code urls[10]}),
	 * then by message.
	 */
	public static final Comparator<FieldProblem> BY_FIELD = Comparator
		.comparing(FieldProblem::field, FieldProblem::compareNames)
		.thenComparing(FieldProblem::message);

	private static final Pattern NUMBER = Pattern.compile("\\d+");

	private static int compareNames(String left, String right) {
		return padNumbers(left).compareTo(padNumbers(right));
	}

	// every run of digits left-padded to 10 characters, so that text order is numeric
	// order
	private static String padNumbers(String name) {
		return NUMBER.matcher(name)
			.replaceAll((match) -> "0".repeat(Math.max(0, 10 - match.group().length())) + match.group());
	}

}
