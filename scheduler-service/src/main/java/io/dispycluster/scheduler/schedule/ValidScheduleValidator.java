package io.dispycluster.scheduler.schedule;

import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.dispycluster.scheduler.system.FieldViolations;

/**
 * Parses the schedule of a request, reporting the first problem at
 * {@code scheduleConfig.<key>}.
 */
class ValidScheduleValidator implements ConstraintValidator<ValidSchedule, SchedulableRequest> {

	@Override
	public boolean isValid(SchedulableRequest request, ConstraintValidatorContext context) {
		try {
			ScheduleSpec.parse(request.scheduleType(), request.scheduleConfig(), Instant.now());
			return true;
		}
		catch (InvalidScheduleException ex) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(FieldViolations.escape(ex.getMessage()))
				.addPropertyNode("scheduleConfig." + ex.getKey())
				.addConstraintViolation();
			return false;
		}
	}

}
