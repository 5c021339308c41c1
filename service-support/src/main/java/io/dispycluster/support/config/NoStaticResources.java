package io.dispycluster.support.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off Boot's static-resource mapping ({@code /**} served from {@code static/},
 * {@code public/}, ... on the classpath) as a default a service can still override. No
 * service serves files of its own (Swagger UI has its own mapping), and with that mapping
 * every unknown path was looked up in each of the fat jar's ~150 nested jars: a 404 cost
 * 2-3 ms of CPU, several times a routed request, which any scanner of random paths would
 * pay for. Without it an unknown path is a plain 404 problem.
 */
class NoStaticResources implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "spring.web.resources.add-mappings";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("dispyclusterNoStaticResources", Map.of(PROPERTY, "false")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
