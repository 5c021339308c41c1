package io.dispycluster.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The whole service on a temporary data directory, started the way the cluster starts it
 * (command-line overrides and a shared configuration file), and restarted on the same
 * data. In the PostgreSQL run of the suite, on a fresh schema in the production profile.
 */
class MonitoringApplicationIT {

	// milliseconds at most
	private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z";

	/** Production requires the internal token: the PostgreSQL run sets this one. */
	private static final String TOKEN = "application-it-internal-token";

	private static @Nullable MonitoringSuiteDatabase database;

	@TempDir
	static Path dataDir;

	private static ConfigurableApplicationContext app;

	private static RestTestClient http;

	@BeforeAll
	static void start() throws Exception {
		Path config = dataDir.resolve("dispycluster.yml");
		Files.writeString(config, """
				dispycluster:
				  nodes:
				    - name: node6.lan
				      node-exporter: true
				    - name: node7
				      host: 192.168.1.7
				      port: 8090
				      capacity: 4
				""");
		if (MonitoringSuiteDatabase.isPostgres()) {
			database = MonitoringSuiteDatabase.fresh("monitoring_app_it_");
		}
		startApp(config);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (database != null) {
			database.drop();
		}
	}

	private static void startApp(Path config) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--dispycluster.data-dir=" + dataDir,
				"--DISPYCLUSTER_CONFIG=" + config, "--dispycluster.monitoring.collection.enabled=false"));
		RestTestClient.Builder<?> client = RestTestClient.bindToServer();
		if (database != null) {
			args.addAll(database.arguments(TOKEN));
			client.defaultHeader("X-Internal-Token", TOKEN);
		}
		app = new SpringApplicationBuilder(MonitoringApplication.class).run(args.toArray(String[]::new));
		String port = app.getEnvironment().getProperty("local.server.port");
		http = client.baseUrl("http://localhost:" + port).build();
	}

	@Test
	void describesItselfAtTheRoot() {
		http.get().uri("/").exchange().expectStatus().isOk().expectBody().json("""
				{"service":"DispyCluster Monitoring","version":"1.0.0","status":"running",
				 "endpoints":{"health":"/health","cluster_health":"/cluster/health","nodes":"/nodes",
				              "metrics":"/metrics","performance":"/performance","alerts":"/alerts"}}
				""");
	}

	@Test
	void reportsHealthWithTheConfiguredNodes() {
		http.get()
			.uri("/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("healthy")
			.jsonPath("$.timestamp")
			.value(String.class, (timestamp) -> assertThat(timestamp).matches(ISO_UTC))
			.jsonPath("$.monitored_nodes")
			.isEqualTo(2)
			.jsonPath("$.metrics_collected")
			.isNumber()
			.jsonPath("$.error")
			.doesNotExist();
	}

	@Test
	void exposesActuatorHealthAndPrometheusMetrics() {
		http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		String metrics = http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(metrics).contains("dispycluster_monitoring_nodes 2.0").contains("jvm_memory_used_bytes");
	}

	@Test
	void answersUnknownPathsWithANotFoundProblem() {
		http.get()
			.uri("/no/such/thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void answersAWrongMethodWithAProblem() {
		http.delete()
			.uri("/health")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:method-not-allowed");
	}

	@Test
	void publishesItsOpenApiDescription() {
		http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/health']")
			.exists();
	}

	@Test
	void bindsTheNodeInventoryWithDefaults() {
		Environment env = app.getEnvironment();
		assertThat(env.getProperty("dispycluster.nodes[0].name")).isEqualTo("node6.lan");
		var inventory = app.getBean(io.dispycluster.monitoring.node.NodeInventoryProperties.class);
		assertThat(inventory.nodes()).extracting("name", "host", "port", "capacity", "nodeExporter")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("node6.lan", "node6.lan", 8080, 2, true),
					org.assertj.core.groups.Tuple.tuple("node7", "192.168.1.7", 8090, 4, false));
	}

	@Test
	void followsTheJacksonConventions() {
		JsonMapper json = app.getBean(JsonMapper.class);
		String written = json
			.writeValueAsString(new Sample("http://a/", Color.DARK_RED, Instant.parse("2026-12-04T19:20:00Z")));
		assertThat(written)
			.isEqualTo("{\"start_url\":\"http://a/\",\"color\":\"dark_red\",\"created_at\":\"2026-12-04T19:20:00Z\"}");
		Sample read = json.readValue("{\"start_url\":\"http://b/\",\"color\":\"DARK_red\",\"extra\":1,"
				+ "\"created_at\":\"2026-12-04T19:20:00Z\"}", Sample.class);
		assertThat(read).isEqualTo(new Sample("http://b/", Color.DARK_RED, Instant.parse("2026-12-04T19:20:00Z")));
	}

	@Test
	void keepsItsDatabaseAcrossARestart() {
		JdbcClient.create(app.getBean(javax.sql.DataSource.class))
			.sql("INSERT INTO node_sample (node, sampled_at, sampled_ms, source, cpu_usage) "
					+ "VALUES ('node6.lan', ?, ?, 'worker', 12.5)")
			.param(java.sql.Timestamp.from(Instant.now()))
			.param(Instant.now().toEpochMilli())
			.update();
		long before = countSamples();
		app.close();

		startApp(dataDir.resolve("dispycluster.yml"));

		assertThat(countSamples()).isEqualTo(before).isPositive();
		http.get().uri("/health").exchange().expectBody().jsonPath("$.metrics_collected").isEqualTo((int) before);
		if (database != null) {
			assertThat(JdbcClient.create(app.getBean(javax.sql.DataSource.class))
				.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'node_sample'")
				.param(database.schema())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		else {
			assertThat(Files.exists(dataDir.resolve("monitoring.mv.db"))).isTrue();
		}
	}

	private static long countSamples() {
		return JdbcClient.create(app.getBean(javax.sql.DataSource.class))
			.sql("SELECT COUNT(*) FROM node_sample")
			.query(Long.class)
			.single();
	}

	record Sample(String startUrl, Color color, Instant createdAt) {
	}

	enum Color {

		DARK_RED

	}

}
