package io.dispycluster.scheduler.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.dispycluster.support.problem.FieldProblem;

/**
 * Checks the steps of a {@link WorkflowRequest} with {@link WorkflowPlan}; each problem
 * is a violation at its own path (e.g. {@code steps[2].depends_on}).
 */
@Documented
@Constraint(validatedBy = ValidWorkflow.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ValidWorkflow {

	String message() default "invalid workflow";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reports every problem of the steps. */
	class Validator implements ConstraintValidator<ValidWorkflow, WorkflowRequest> {

		@Override
		public boolean isValid(WorkflowRequest request, ConstraintValidatorContext context) {
			if (request.steps() == null || request.steps().contains(null)) {
				return true;
			}
			List<FieldProblem> problems = WorkflowPlan.problems(request.steps());
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

		private static String escape(String message) {
			return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
		}

	}

}
