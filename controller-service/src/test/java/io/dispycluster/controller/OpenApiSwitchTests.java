package io.dispycluster.controller;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is served in development and staging, and in production only when
 * {@code DISPYCLUSTER_OPENAPI_ENABLED=true}, as on the gateway (which serves it at
 * {@code /openapi/controller}).
 */
class OpenApiSwitchTests {

	private static final String API_DOCS = "springdoc.api-docs.enabled";

	@Test
	void isOnByDefault() throws IOException {
		assertThat(environment(false, Map.of()).getProperty(API_DOCS, Boolean.class)).isTrue();
	}

	@Test
	void isOffInProductionUnlessEnabled() throws IOException {
		assertThat(environment(true, Map.of()).getProperty(API_DOCS, Boolean.class)).isFalse();
		assertThat(
				environment(true, Map.of("DISPYCLUSTER_OPENAPI_ENABLED", "true")).getProperty(API_DOCS, Boolean.class))
			.isTrue();
		assertThat(environment(true, Map.of()).getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
	}

	private static StandardEnvironment environment(boolean production, Map<String, Object> variables)
			throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		if (production) {
			loader.load("production", new ClassPathResource("application-production.yml"))
				.forEach(environment.getPropertySources()::addLast);
		}
		loader.load("default", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return environment;
	}

}
