package io.dispycluster.scheduler.system;

import io.dispycluster.support.submission.StartUrls;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string is a URL that can be scraped (see {@link StartUrls}).
 */
@Documented
@Constraint(validatedBy = WebUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebUrl {

	String message() default "must be an http or https URL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks with {@link StartUrls#problem(String)}, reporting its message. */
	class Validator implements ConstraintValidator<WebUrl, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String problem = StartUrls.problem(value);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}
