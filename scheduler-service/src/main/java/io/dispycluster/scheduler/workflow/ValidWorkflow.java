package io.dispycluster.scheduler.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.dispycluster.scheduler.system.FieldViolations;

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
			return FieldViolations.report(WorkflowPlan.problems(request.steps()), context);
		}

	}

}
