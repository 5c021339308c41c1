package io.dispycluster.controller;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller's body limits by default: the gateway's (so that what it forwards is
 * never refused behind it), and a far larger one for a worker's report.
 */
class BodyLimitDefaultsTests {

	@Test
	void takesTheGatewaysLimitAndALargerOneForReports() throws IOException {
		Binder binder = Binder.get(environment(null));

		assertThat(binder.bind("dispycluster.controller.max-body-size", DataSize.class).get())
			.isEqualTo(DataSize.ofMegabytes(1));
		assertThat(binder.bind("dispycluster.controller.max-report-size", DataSize.class).get())
			.isEqualTo(DataSize.ofMegabytes(64));
	}

	@Test
	void followsTheGatewaysLimitWhenTheSharedFileRaisesIt() throws IOException {
		Binder binder = Binder.get(environment("5MB"));

		assertThat(binder.bind("dispycluster.controller.max-body-size", DataSize.class).get())
			.isEqualTo(DataSize.ofMegabytes(5));
	}

	private static StandardEnvironment environment(String gatewayLimit) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		if (gatewayLimit != null) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("shared",
						java.util.Map.of("dispycluster.security.max-body-size", gatewayLimit)));
		}
		new YamlPropertySourceLoader().load("default", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return environment;
	}

}
