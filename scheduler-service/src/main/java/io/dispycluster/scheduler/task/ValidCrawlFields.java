package io.dispycluster.scheduler.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.scheduler.system.FieldViolations;
import io.dispycluster.support.problem.FieldProblem;

/**
 * Checks the optional crawl fields of a {@link TaskRequest} with the controller's rules
 * ({@link CrawlFields}); each problem is a violation at its own field (e.g.
 * {@code extract.price.selector}).
 */
@Documented
@Constraint(validatedBy = ValidCrawlFields.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ValidCrawlFields {

	String message() default "invalid crawl fields";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reports every problem of the crawl fields. */
	class Validator implements ConstraintValidator<ValidCrawlFields, TaskRequest> {

		@Override
		public boolean isValid(TaskRequest request, ConstraintValidatorContext context) {
			List<FieldProblem> problems = new ArrayList<>();
			CrawlFields.read(request.crawlValues(), problems);
			return FieldViolations.report(problems, context);
		}

	}

}
