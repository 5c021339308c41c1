package io.dispycluster.scheduler.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock the service reads time from: the system's in UTC, ticking in milliseconds
 * like every timestamp of the API (and so that what is stored reads back identical on H2
 * and PostgreSQL), unless one was registered before (tests that need to see the service
 * after a long downtime do so).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

}
