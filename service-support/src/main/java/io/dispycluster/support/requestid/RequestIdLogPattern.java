package io.dispycluster.support.requestid;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the request id to every log line through Boot's correlation pattern (the part of
 * the default patterns meant for exactly this), as a default that a service's own
 * {@code logging.pattern.correlation} still overrides. Runs before the logging system
 * reads the environment.
 */
class RequestIdLogPattern implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "logging.pattern.correlation";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("dispyclusterRequestIdLogPattern",
					Map.of(PROPERTY, "[%X{" + RequestIds.MDC_KEY + ":-}] ")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
