package io.dispycluster.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.collect.Rounds;
import io.dispycluster.monitoring.support.MutableClock;
import io.dispycluster.monitoring.support.StubServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole service against real local HTTP servers standing in for the controller, the
 * workers, a node_exporter and a webhook receiver, on a clock that only the tests move.
 * Every scenario class extends this one, so they share one Spring context. Periodic
 * collection is off: tests run rounds themselves. The cluster's internal token is set, as
 * in production: the service asks for it and sends it to the controller. Each test starts
 * a day after the previous one, with the controller knowing no worker and an empty queue,
 * so that what an earlier test left is stale. The database is an in-memory H2 one, or, in
 * the suite's PostgreSQL run, one schema of that server in the production profile.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "DISPYCLUSTER_CONFIG=/nonexistent/dispycluster.yml",
				"dispycluster.monitoring.collection.enabled=false", "dispycluster.monitoring.controller.page-size=3",
				"dispycluster.monitoring.alerts.notifications.backoff=10ms",
				"dispycluster.security.internal-token=" + MonitoringScenario.TOKEN })
@ActiveProfiles(resolver = MonitoringSuiteDatabase.Profiles.class)
@Import(MonitoringScenario.ClockConfiguration.class)
public abstract class MonitoringScenario {

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final String TOKEN = "scenario-internal-token-0123";

	/** The inventory's node, read from node_exporter. */
	protected static final String EXPORTER_NODE = "pi-exporter";

	protected static final StubServer CONTROLLER = StubServer.start();

	/**
	 * The nodes: the inventory node's node_exporter ({@code /metrics}) and worker metrics
	 * at the root, the controller's workers under {@code /w/<node>}.
	 */
	protected static final StubServer NODES = StubServer.start();

	protected static final StubServer WEBHOOK = StubServer.start();

	protected static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@Autowired
	protected ApplicationContext context;

	@LocalServerPort
	private int port;

	protected RestTestClient http;

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		database(registry);
		registry.add("dispycluster.services.controller", CONTROLLER::url);
		registry.add("dispycluster.nodes[0].name", () -> EXPORTER_NODE);
		registry.add("dispycluster.nodes[0].host", () -> "127.0.0.1");
		registry.add("dispycluster.nodes[0].port", NODES::port);
		registry.add("dispycluster.nodes[0].node-exporter", () -> "true");
		registry.add("dispycluster.nodes[0].node-exporter-port", NODES::port);
		registry.add("dispycluster.nodes[0].labels.zone", () -> "attic");
		registry.add("dispycluster.monitoring.alerts.notifications.webhooks[0].url", () -> WEBHOOK.url() + "/hook");
	}

	/**
	 * An in-memory H2 database, or, in the PostgreSQL run, a schema of the suite's server
	 * in the production profile.
	 */
	private static void database(DynamicPropertyRegistry registry) {
		if (!MonitoringSuiteDatabase.isPostgres()) {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:scenario;DB_CLOSE_DELAY=-1");
			return;
		}
		MonitoringSuiteDatabase database = MonitoringSuiteDatabase.forScenarios();
		registry.add("DISPYCLUSTER_DB_URL", database::url);
		registry.add("DISPYCLUSTER_MONITORING_DB_SCHEMA", database::schema);
	}

	@BeforeEach
	void startANewDay() {
		this.http = RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("X-Internal-Token", TOKEN)
			.build();
		CLOCK.advance(Duration.ofDays(1));
		CONTROLLER.json("/workers", "[]");
		queue(0, 0);
		jobs("[]");
		NODES.respond("/metrics", 200, "text/plain; version=0.0.4", fixture("pi4-scrape-1.txt"));
		NODES.remove("/actuator/prometheus");
		NODES.remove("/health");
		WEBHOOK.json("/hook", "{}");
		round();
	}

	/** The service's Prometheus metrics, as scraped. */
	protected String prometheus() {
		return this.http.get().uri("/actuator/prometheus").exchange().returnResult(String.class).getResponseBody();
	}

	/** Runs a collection round now. */
	protected void round() {
		Rounds.run(this.context);
	}

	/** Moves the clock and runs a round. */
	protected void roundAfter(Duration duration) {
		CLOCK.advance(duration);
		round();
	}

	/**
	 * The controller's answer to {@code GET /workers}: each node served under /w/node.
	 */
	protected static void workers(String... nodes) {
		StringBuilder json = new StringBuilder("[");
		for (String node : nodes) {
			json.append((json.length() > 1) ? "," : "")
				.append("{\"node\":\"%s\",\"status\":\"online\",\"url\":\"%s/w/%s\",\"active_jobs\":0,\"capacity\":2}"
					.formatted(node, NODES.url(), node));
		}
		CONTROLLER.json("/workers", json.append("]").toString());
	}

	/** A worker's {@code GET /health} with the given {@code system} figures. */
	protected static void health(String node, String system) {
		NODES.json("/w/" + node + "/health", """
				{"status":"ok","node":"%s","capacity":2,"active_jobs":1,"system":%s}""".formatted(node, system));
	}

	/**
	 * A worker whose {@code GET /health} answers 200 with something unreadable: a failed
	 * sampling that is no refusal, so only the staleness makes the node offline.
	 */
	protected static void unreadableHealth(String node) {
		NODES.respond("/w/" + node + "/health", 200, "application/json", "not json");
	}

	protected static void queue(long pending, long running) {
		CONTROLLER.json("/cluster", """
				{"total_workers":1,"online_workers":1,"total_jobs":0,"pending_jobs":%d,"running_jobs":%d,
				 "completed_jobs":0,"failed_jobs":0,"cancelled_jobs":0,"average_job_duration":null}"""
			.formatted(pending, running));
	}

	/**
	 * The controller's jobs, newest created first, served page by page, those of one
	 * status when asked.
	 */
	protected static void jobs(String array) {
		List<JsonNode> all = new ArrayList<>();
		JSON.readTree(array).forEach(all::add);
		CONTROLLER.handle("/jobs", (request) -> {
			String status = request.param("status");
			List<JsonNode> listed = all.stream()
				.filter((job) -> status == null || job.get("status").asString().equals(status))
				.toList();
			int limit = Integer.parseInt(request.param("limit"));
			int offset = Integer.parseInt(request.param("offset"));
			StringBuilder page = new StringBuilder("[");
			for (int i = offset; i < Math.min(listed.size(), offset + limit); i++) {
				page.append((page.length() > 1) ? "," : "").append(listed.get(i).toString());
			}
			return new StubServer.Response(200, "application/json", page.append("]").toString());
		});
	}

	protected JsonNode getJson(String uri) {
		return JSON.readTree(
				this.http.get().uri(uri).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
	}

	protected static String fixture(String name) {
		try (InputStream in = MonitoringScenario.class.getResourceAsStream("/node-exporter/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

}
