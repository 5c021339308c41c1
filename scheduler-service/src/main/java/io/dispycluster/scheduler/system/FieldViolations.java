package io.dispycluster.scheduler.system;

import java.util.List;

import jakarta.validation.ConstraintValidatorContext;

import io.dispycluster.support.problem.FieldProblem;

/**
 * Turns the problems a checker found into Bean Validation violations, each at its own
 * field, so that the 422 names every one of them.
 */
public final class FieldViolations {

	private FieldViolations() {
	}

	/**
	 * Reports each problem as a violation at its field.
	 * @return whether there was none (the value is valid)
	 */
	public static boolean report(List<FieldProblem> problems, ConstraintValidatorContext context) {
		if (problems.isEmpty()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		for (FieldProblem problem : problems) {
			context.buildConstraintViolationWithTemplate(escape(problem.message()))
				.addPropertyNode(problem.field())
				.addConstraintViolation();
		}
		return false;
	}

	/** Message templates interpolate braces and dollars: the user's input must not. */
	public static String escape(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
