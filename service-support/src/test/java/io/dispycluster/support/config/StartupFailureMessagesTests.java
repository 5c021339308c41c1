package io.dispycluster.support.config;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What an operator reads when a service refuses its configuration: the property and what
 * to do, printed by Boot's failure analysis instead of a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureMessagesTests {

	@Test
	void aServiceStoppedByABadAddressNamesTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.run("--dispycluster.services.controller=http://localhost:8081",
					"--dispycluster.services.monitoring=http://localhost:8081"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid DispyCluster configuration: dispycluster.services.")
			.contains("already used by dispycluster.services.")
			.contains("Correct it in the cluster's dispycluster.yml");
	}

	@Test
	void anUnreachableDatabaseNamesTheUrlProperty() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db.lan:5432/dispycluster");
		FailureAnalysis analysis = new DatabaseFailureAnalyzer(environment)
			.analyze(new IllegalStateException("Flyway failed", new SQLException("Connection refused", "08001")));
		assertThat(analysis.getDescription())
			.contains("Cannot open the database at jdbc:postgresql://db.lan:5432/dispycluster (spring.datasource.url)")
			.contains("Connection refused");
		assertThat(analysis.getAction()).contains("DISPYCLUSTER_DB_URL");
	}

	@Test
	void aLockedH2FileSaysAnotherProcessHoldsIt() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:h2:file:./data/controller");
		FailureAnalysis analysis = new DatabaseFailureAnalyzer(environment)
			.analyze(new SQLException("Database may be already in use", "90020", 90020));
		assertThat(analysis.getDescription()).contains("in use by another process");
		assertThat(analysis.getAction()).contains("already running");
	}

	@Test
	void otherDatabaseErrorsAreLeftToTheirOwnReport() {
		assertThat(
				new DatabaseFailureAnalyzer(new MockEnvironment()).analyze(new SQLException("syntax error", "42601")))
			.isNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
