package io.dispycluster.monitoring;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile on PostgreSQL: the service migrates its own schema and keeps its
 * samples across a restart. The server is named by {@code DISPYCLUSTER_TEST_POSTGRES_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); without it the
 * test is skipped, except when {@code CI=true}, where it fails.
 */
class PostgresPersistenceIT {

	private static final String URL_VARIABLE = "DISPYCLUSTER_TEST_POSTGRES_URL";

	private static final String SCHEMA = "monitoring_it_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static String url;

	@TempDir
	Path dataDir;

	@BeforeAll
	static void requirePostgres() {
		String configured = System.getenv(URL_VARIABLE);
		if (configured == null || configured.isBlank()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(URL_VARIABLE + " must name a PostgreSQL server when CI=true");
			}
			Assumptions.abort(URL_VARIABLE + " is not set: PostgreSQL tests skipped (they fail when CI=true)");
		}
		url = configured;
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (url == null) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	@Test
	void keepsItsSamplesInItsOwnSchemaAcrossARestart() {
		try (ConfigurableApplicationContext app = start()) {
			JdbcClient.create(app.getBean(DataSource.class))
				.sql("INSERT INTO node_sample (node, sampled_at, sampled_ms, source, memory_usage) "
						+ "VALUES ('n1', ?, ?, 'worker', 41.5)")
				.param(Timestamp.from(Instant.now()))
				.param(Instant.now().toEpochMilli())
				.update();
		}
		try (ConfigurableApplicationContext app = start()) {
			String port = app.getEnvironment().getProperty("local.server.port");
			RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.build()
				.get()
				.uri("/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.metrics_collected")
				.isEqualTo(1);
			assertThat(JdbcClient.create(app.getBean(DataSource.class))
				.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'node_sample'")
				.param(SCHEMA)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MonitoringApplication.class).run("--server.port=0",
				"--dispycluster.data-dir=" + this.dataDir,
				"--DISPYCLUSTER_CONFIG=" + this.dataDir.resolve("missing.yml"), "--spring.profiles.active=production",
				"--DISPYCLUSTER_DB_URL=" + url, "--DISPYCLUSTER_MONITORING_DB_SCHEMA=" + SCHEMA,
				"--dispycluster.monitoring.collection.enabled=false");
	}

}
