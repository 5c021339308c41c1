package io.dispycluster.scheduler.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock the service reads time from: the system's, ticking in milliseconds (the
 * precision of every timestamp of the cluster's API; the system's clock gives
 * microseconds, which runs, tasks and workflows showed), unless one was registered before
 * (tests that need to see the service after a long downtime do so).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

}
