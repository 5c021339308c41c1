package io.dispycluster.monitoring;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.dispycluster.monitoring.jobs.QueueFigures;
import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.node.NodeSample;
import io.dispycluster.monitoring.node.NodeSamples;
import io.dispycluster.monitoring.node.SampleSource;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.node.Workload;
import io.dispycluster.support.testing.PostgresTestServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile on PostgreSQL: the service migrates its own schema and keeps its
 * samples across a restart, each test in a fresh schema. {@link PostgresTestServer} names
 * the server and skips the tests without one (they fail instead when {@code CI=true}).
 */
class PostgresPersistenceIT {

	@RegisterExtension
	static final PostgresTestServer postgres = new PostgresTestServer("monitoring_it_");

	/** Production requires the internal token: the service runs with one. */
	private static final String TOKEN = "postgres-it-internal-token";

	@TempDir
	Path dataDir;

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
				.param(postgres.schema())
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
			app.getBean(QueueSamples.class).add(now, new QueueFigures(3, 1), null);
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
				"--DISPYCLUSTER_DB_URL=" + postgres.url(), "--DISPYCLUSTER_MONITORING_DB_SCHEMA=" + postgres.schema(),
				"--dispycluster.security.internal-token=" + TOKEN,
				"--dispycluster.monitoring.collection.enabled=false");
	}

}
