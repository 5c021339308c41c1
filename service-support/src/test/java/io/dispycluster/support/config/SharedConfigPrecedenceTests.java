package io.dispycluster.support.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a bare application with a packaged {@code precedence.yml} that imports a shared
 * file, and a packaged {@code precedence-production.yml}, as every service does with
 * {@code application.yml} and {@code dispycluster.yml}.
 */
class SharedConfigPrecedenceTests {

	@TempDir
	Path dir;

	@Test
	void theSharedFileWinsOverPackagedProfileDefaults() throws IOException {
		Path shared = sharedFile("sample:\n  overridden-by-shared: shared\n");
		try (ConfigurableApplicationContext context = start(shared, "--spring.profiles.active=production")) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("sample.overridden-by-shared")).isEqualTo("shared");
			assertThat(environment.getProperty("sample.production-only")).isEqualTo("production");
			assertThat(environment.getProperty("sample.packaged")).isEqualTo("packaged");
		}
	}

	@Test
	void theCommandLineStillWinsOverTheSharedFile() throws IOException {
		Path shared = sharedFile("sample:\n  overridden-by-shared: shared\n");
		try (ConfigurableApplicationContext context = start(shared, "--spring.profiles.active=production",
				"--sample.overridden-by-shared=command-line")) {
			assertThat(context.getEnvironment().getProperty("sample.overridden-by-shared")).isEqualTo("command-line");
		}
	}

	@Test
	void withoutASharedFileThePackagedDefaultsApply() {
		try (ConfigurableApplicationContext context = start(this.dir.resolve("missing.yml"),
				"--spring.profiles.active=production")) {
			assertThat(context.getEnvironment().getProperty("sample.overridden-by-shared"))
				.isEqualTo("packaged-production");
		}
	}

	private Path sharedFile(String yaml) throws IOException {
		return Files.writeString(this.dir.resolve("shared.yml"), yaml);
	}

	private static ConfigurableApplicationContext start(Path shared, String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.properties("spring.config.name=precedence", "PRECEDENCE_TEST_SHARED_CONFIG=" + shared)
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
