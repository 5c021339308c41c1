package io.dispycluster.monitoring;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dispycluster.monitoring.jobs.QueueFigures;
import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.node.NodeSample;
import io.dispycluster.monitoring.node.NodeSamples;
import io.dispycluster.monitoring.node.SampleSource;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.node.Workload;

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

	/** Production requires the internal token: the service runs with one. */
	private static final String TOKEN = "postgres-it-internal-token";

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

	@Test
	void servesHistoriesLoadsAndAlertsFromPostgres() {
		try (ConfigurableApplicationContext app = start()) {
			NodeSamples samples = app.getBean(NodeSamples.class);
			Instant now = Instant.now();
			for (int minute = 1; minute <= 30; minute++) {
				samples.add(new NodeSample("n2", now.minus(Duration.ofMinutes(minute)), SampleSource.NODE_EXPORTER,
						new SystemFigures((minute % 2 == 0) ? 20.0 : 40.0, 50.0, 60.0, 1.0, 1.0, 1.0, 45.0, 10.0, 5.0,
								100L),
						new Workload(2, 2, 0.5, 2L)));
			}
			app.getBean(QueueSamples.class).add(now, new QueueFigures(3, 1));
			String port = app.getEnvironment().getProperty("local.server.port");
			RestTestClient http = RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.defaultHeader("X-Internal-Token", TOKEN)
				.build();

			http.get()
				.uri("/nodes/n2?hours=1")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.metrics_count")
				.isEqualTo(30)
				.jsonPath("$.bucket_seconds")
				.isEqualTo(60)
				.jsonPath("$.history.length()")
				.isEqualTo(30)
				.jsonPath("$.statistics.cpu_avg")
				.isEqualTo(30.0);
			assertThat(samples.loadBetween(now.minus(Duration.ofHours(1)), now)
				.stream()
				.filter((load) -> load.node().equals("n2"))).singleElement().satisfies((load) -> {
					assertThat(load.samples()).isEqualTo(30);
					assertThat(load.saturatedShare()).isEqualTo(1.0);
					assertThat(load.averageFetchSeconds()).isEqualTo(0.25);
				});
			assertThat(app.getBean(QueueSamples.class).between(now.minusSeconds(1), now)).hasSize(1);
			http.get().uri("/alerts/history?hours=1").exchange().expectStatus().isOk();
			http.get()
				.uri("/alerts")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.alert_count")
				.isEqualTo(0);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MonitoringApplication.class).run("--server.port=0",
				"--dispycluster.data-dir=" + this.dataDir,
				"--DISPYCLUSTER_CONFIG=" + this.dataDir.resolve("missing.yml"), "--spring.profiles.active=production",
				"--DISPYCLUSTER_DB_URL=" + url, "--DISPYCLUSTER_MONITORING_DB_SCHEMA=" + SCHEMA,
				"--dispycluster.security.internal-token=" + TOKEN,
				"--dispycluster.monitoring.collection.enabled=false");
	}

}
