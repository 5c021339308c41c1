package io.dispycluster.monitoring.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the service: UTC, ticking in milliseconds so that what is stored reads
 * back identical on H2 and PostgreSQL. Every duration (staleness, alert durations,
 * retention, report windows) is measured on it, so tests can move time forward instead of
 * sleeping.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

}
