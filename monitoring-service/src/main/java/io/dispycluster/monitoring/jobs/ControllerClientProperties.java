package io.dispycluster.monitoring.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reads the controller ({@code dispycluster.services.controller}).
 *
 * @param timeout connection and read timeout of each call
 * @param pageSize jobs asked for per {@code GET /jobs} page (the controller allows 1000
 * at most)
 * @param maxJobs jobs read at most for one report or one failure-rate check, so a huge
 * history cannot make a report unbounded
 * @param jobLookback how far before a window the jobs are read at least: the controller
 * lists jobs newest created first, so reading stops at jobs created before the window
 * start minus this, or before the oldest job that a queue reading of the window saw
 * pending or running, when that one is older (this covers the times without readings)
 */
@ConfigurationProperties("dispycluster.monitoring.controller")
@Validated
public record ControllerClientProperties(@DefaultValue("5s") Duration timeout,
		@DefaultValue("500") @Min(1) @Max(1000) int pageSize, @DefaultValue("20000") @Min(1) int maxJobs,
		@DefaultValue("2h") Duration jobLookback) {

	public ControllerClientProperties {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("dispycluster.monitoring.controller.timeout must be positive");
		}
		if (jobLookback.isNegative()) {
			throw new IllegalArgumentException("dispycluster.monitoring.controller.job-lookback must not be negative");
		}
	}

}
