package io.dispycluster.scheduler.schedule;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How schedules behave across downtime.
 *
 * @param misfireGrace a fire missed while the service was down runs once at start-up if
 * it is at most this late; an older one is skipped and recorded in the history
 */
@ConfigurationProperties("dispycluster.scheduler")
@Validated
public record ScheduleProperties(@DefaultValue("10m") @NotNull Duration misfireGrace) {

	public ScheduleProperties {
		if (misfireGrace.isNegative()) {
			throw new IllegalArgumentException("dispycluster.scheduler.misfire-grace must not be negative");
		}
	}

}
