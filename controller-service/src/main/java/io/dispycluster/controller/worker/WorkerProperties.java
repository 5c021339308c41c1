package io.dispycluster.controller.worker;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the controller watches and calls its workers, under
 * {@code dispycluster.controller}.
 *
 * @param healthCheckInterval time between two health checks of every worker (default 10s)
 * @param workerTimeout connect and read timeout of every call to a worker: health,
 * assignment, cancellation (default 5s)
 * @param offlineAfterFailures consecutive failed health checks after which a worker is
 * offline and its jobs go back to the queue (default 2)
 */
@ConfigurationProperties("dispycluster.controller")
@Validated
public record WorkerProperties(@DefaultValue("10s") Duration healthCheckInterval,
		@DefaultValue("5s") Duration workerTimeout, @DefaultValue("2") @Min(1) @Max(100) int offlineAfterFailures) {

	public WorkerProperties {
		requirePositive("health-check-interval", healthCheckInterval);
		requirePositive("worker-timeout", workerTimeout);
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("dispycluster.controller." + name + " must be positive, was " + value);
		}
	}

}
