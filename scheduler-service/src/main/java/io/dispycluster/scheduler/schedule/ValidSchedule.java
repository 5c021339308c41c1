package io.dispycluster.scheduler.schedule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Checks the schedule of a {@link SchedulableRequest}; a violation names the faulty key,
 * e.g. {@code schedule_config.cron}.
 */
@Documented
@Constraint(validatedBy = ValidScheduleValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidSchedule {

	String message() default "invalid schedule";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
