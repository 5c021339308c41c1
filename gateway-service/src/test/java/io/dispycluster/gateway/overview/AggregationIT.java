package io.dispycluster.gateway.overview;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own views: the contract's shapes, honest statuses, and one latency budget
 * (the slowest call, not the sum of them).
 */
class AggregationIT extends GatewayTestSupport {

	private static final String WORKERS = "[{\"node\":\"node6.lan\",\"status\":\"online\"},"
			+ "{\"node\":\"node7.lan\",\"status\":\"busy\"},{\"node\":\"node9.lan\",\"status\":\"offline\"}]";

	@Test
	void describesItselfAtTheRoot() {
		JsonNode root = body(get("/"));

		assertThat(root.path("service").asString()).isEqualTo("DispyCluster API Gateway");
		assertThat(root.path("version").asString()).isEqualTo("1.0.0");
		assertThat(root.path("status").asString()).isEqualTo("running");
		assertThat(root.path("services").toString()).isEqualTo("[\"cluster_controller\",\"monitoring\",\"scheduler\"]");
		assertThat(root.path("endpoints").path("overview").asString()).isEqualTo("/overview");
		assertThat(root.path("endpoints").path("cluster").asString()).isEqualTo("/cluster");
	}

	@Test
	void reportsEveryServiceAndTheWorkersInHealth() {
		CONTROLLER.on("GET", "/workers", (request) -> Reply.json(200, WORKERS));

		HttpResponse<String> response = get("/health");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = body(response);
		assertThat(health.path("overall_status").asString()).isEqualTo("healthy");
		assertThat(Instant.parse(health.path("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(health.path("timestamp").asString()).endsWith("Z");
		assertThat(health.path("services").propertyNames()).containsExactly("cluster_controller", "monitoring",
				"scheduler");
		JsonNode controller = health.path("services").path("cluster_controller");
		assertThat(controller.path("status").asString()).isEqualTo("healthy");
		assertThat(controller.path("http_status").asInt()).isEqualTo(200);
		assertThat(controller.path("response_time").isNumber()).isTrue();
		assertThat(health.path("services").has("scraper")).isFalse();
		JsonNode workers = health.path("workers");
		assertThat(workers.path("status").asString()).isEqualTo("healthy");
		assertThat(workers.path("online").asInt()).isEqualTo(2);
		assertThat(workers.path("total").asInt()).isEqualTo(3);
		assertThat(workers.path("nodes").get(2).path("node").asString()).isEqualTo("node9.lan");
	}

	@Test
	void reportsAServiceAnswering500AsUnhealthy() {
		MONITORING.on("GET", "/health", (request) -> Reply.json(500, "{\"status\":\"error\"}"));

		JsonNode health = body(get("/health"));

		assertThat(health.path("overall_status").asString()).isEqualTo("degraded");
		JsonNode monitoring = health.path("services").path("monitoring");
		assertThat(monitoring.path("status").asString()).isEqualTo("unhealthy");
		assertThat(monitoring.path("http_status").asInt()).isEqualTo(500);
		assertThat(monitoring.path("error").asString()).isEqualTo("HTTP 500");
		assertThat(health.path("services").path("scheduler").path("status").asString()).isEqualTo("healthy");
	}

	@Test
	void reportsAStoppedServiceAsUnhealthy() {
		SCHEDULER.stop();

		JsonNode health = body(get("/health"));

		assertThat(health.path("overall_status").asString()).isEqualTo("degraded");
		JsonNode scheduler = health.path("services").path("scheduler");
		assertThat(scheduler.path("status").asString()).isEqualTo("unhealthy");
		assertThat(scheduler.path("error").asString()).isEqualTo("unreachable");
		assertThat(scheduler.has("http_status")).isFalse();
	}

	@Test
	void reportsTheControllerUnhealthyWhenItRefusesTheGatewaysToken() {
		CONTROLLER.on("GET", "/workers", (request) -> Reply.json(401, "{\"status\":401}"));

		JsonNode health = body(get("/health"));

		assertThat(health.path("overall_status").asString()).isEqualTo("degraded");
		JsonNode controller = health.path("services").path("cluster_controller");
		assertThat(controller.path("status").asString()).isEqualTo("unhealthy");
		assertThat(controller.path("http_status").asInt()).isEqualTo(401);
		assertThat(controller.path("error").asString()).isEqualTo("refused the gateway's internal token");
		assertThat(health.path("workers").path("error").asString()).isEqualTo("refused the gateway's internal token");
	}

	@Test
	void answersHealthWithinOneTimeoutWhenSeveralServicesHang() {
		MONITORING.hang("GET", "/health");
		SCHEDULER.hang("GET", "/health");
		CONTROLLER.hang("GET", "/workers");

		long start = System.nanoTime();
		JsonNode health = body(get("/health"));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		// three calls hang: one after the other they would take three timeouts (3 s)
		assertThat(elapsed).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
		assertThat(health.path("services").path("monitoring").path("error").asString()).isEqualTo("no answer in time");
		assertThat(health.path("services").path("scheduler").path("status").asString()).isEqualTo("unhealthy");
		assertThat(health.path("services").path("cluster_controller").path("status").asString()).isEqualTo("healthy");
		assertThat(health.path("workers").path("status").asString()).isEqualTo("unknown");
	}

	@Test
	void answersTheDashboardWithinOneTimeoutWithEverySection() {
		CONTROLLER.on("GET", "/cluster", (request) -> Reply.json(200, "{\"total_workers\":3,\"online_workers\":2}"));
		CONTROLLER.on("GET", "/workers", (request) -> Reply.json(200, WORKERS));
		MONITORING.hang("GET", "/cluster/health");
		SCHEDULER.on("GET", "/tasks", (request) -> Reply.json(500, "{}"));

		long start = System.nanoTime();
		JsonNode dashboard = body(get("/dashboard"));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(elapsed).isLessThan(Duration.ofMillis(2500));
		JsonNode data = dashboard.path("data");
		assertThat(data.propertyNames()).containsExactly("cluster_stats", "cluster_health", "workers", "recent_jobs",
				"scheduled_tasks");
		assertThat(data.path("cluster_stats").path("total_workers").asInt()).isEqualTo(3);
		assertThat(data.path("cluster_stats").path("online_workers").asInt()).isEqualTo(2);
		assertThat(data.path("workers").size()).isEqualTo(3);
		assertThat(data.path("cluster_health").path("error").asString()).isEqualTo("Données indisponibles");
		assertThat(data.path("cluster_health").path("reason").asString()).isEqualTo("no answer in time");
		assertThat(data.path("scheduled_tasks").path("reason").asString()).isEqualTo("HTTP 500");
		assertThat(CONTROLLER.last("/jobs").query()).isEqualTo("limit=10&include_result=false");
		assertThat(dashboard.path("timestamp").asString()).endsWith("Z");
	}

	@Test
	void leavesAnAnswerTooLargeToHoldOutOfTheDashboard() {
		// a few thousand tasks of 50 URLs each: read whole into the gateway's small heap
		// by every view at once, such lists ended the gateway with an OutOfMemoryError
		String task = "{\"id\":\"task_1\",\"urls\":[\"" + "https://example.org/a/long/path/".repeat(40) + "\"]}";
		String tasks = "[" + String.join(",", Collections.nCopies(2_500, task)) + "]";
		assertThat(tasks.length()).isGreaterThan(2 * 1024 * 1024);
		SCHEDULER.on("GET", "/tasks", (request) -> Reply.json(200, tasks));
		CONTROLLER.on("GET", "/workers", (request) -> Reply.json(200, WORKERS));

		JsonNode data = body(get("/dashboard")).path("data");

		assertThat(data.path("scheduled_tasks").path("error").asString()).isEqualTo("Données indisponibles");
		assertThat(data.path("scheduled_tasks").path("reason").asString())
			.isEqualTo("answer larger than dispycluster.gateway.aggregate-max-body");
		assertThat(data.path("workers").isArray()).isTrue();
		assertThat(SCHEDULER.requests()).anyMatch((request) -> request.path().equals("/tasks"));
	}

	@Test
	void overviewReflectsOfflineServicesAlertsAndClusterHealth() {
		CONTROLLER.on("GET", "/cluster", (request) -> Reply.json(200, "{\"total_workers\":3}"));
		SCHEDULER.stop();
		MONITORING.on("GET", "/alerts",
				(request) -> Reply.json(200,
						"{\"active_alerts\":[\"node6.lan: CPU usage élevé (95.0%)\",{\"severity\":\"critical\","
								+ "\"message\":\"node7.lan: Température élevée (85.0°C)\"}],\"alert_count\":2}"));
		MONITORING.on("GET", "/cluster/health", (request) -> Reply.json(200, "{\"overall_status\":\"warning\"}"));

		JsonNode overview = body(get("/overview"));

		assertThat(overview.path("status").asString()).isEqualTo("critical");
		assertThat(overview.path("services").path("scheduler").asString()).isEqualTo("offline");
		assertThat(overview.path("services").path("cluster_controller").asString()).isEqualTo("online");
		assertThat(overview.path("cluster_stats").path("total_workers").asInt()).isEqualTo(3);
		assertThat(overview.path("recent_activity").isArray()).isTrue();
		assertThat(overview.path("alerts").toString()).isEqualTo("[\"Service scheduler hors ligne\","
				+ "\"node6.lan: CPU usage élevé (95.0%)\",\"node7.lan: Température élevée (85.0°C)\"]");
		assertThat(overview.path("cluster_health").path("overall_status").asString()).isEqualTo("warning");
	}

	@Test
	void overviewIsHealthyOnlyWhenEverythingIs() {
		MONITORING.on("GET", "/alerts", (request) -> Reply.json(200, "{\"active_alerts\":[],\"alert_count\":0}"));
		MONITORING.on("GET", "/cluster/health", (request) -> Reply.json(200, "{\"overall_status\":\"healthy\"}"));
		SCHEDULER.on("GET", "/history", (request) -> Reply.json(200, "[{\"task_id\":\"task_1\"}]"));

		JsonNode healthy = body(get("/overview"));
		MONITORING.on("GET", "/cluster/health", (request) -> Reply.json(200, "{\"overall_status\":\"warning\"}"));
		JsonNode warning = body(get("/overview"));

		assertThat(healthy.path("status").asString()).isEqualTo("healthy");
		assertThat(healthy.path("alerts").size()).isZero();
		assertThat(healthy.path("recent_activity").get(0).path("task_id").asString()).isEqualTo("task_1");
		assertThat(SCHEDULER.last("/history").query()).isEqualTo("limit=5");
		assertThat(warning.path("status").asString()).isEqualTo("warning");
	}

	@Test
	void overviewIsNotHealthyWhenTheClusterHealthCannotBeRead() {
		MONITORING.on("GET", "/alerts", (request) -> Reply.json(200, "{\"active_alerts\":[],\"alert_count\":0}"));
		MONITORING.on("GET", "/cluster/health", (request) -> Reply.json(500, "{}"));

		JsonNode overview = body(get("/overview"));

		assertThat(overview.path("services").path("monitoring").asString()).isEqualTo("online");
		assertThat(overview.path("cluster_health").path("reason").asString()).isEqualTo("HTTP 500");
		assertThat(overview.path("status").asString()).isEqualTo("warning");
	}

	@Test
	void overviewSaysWhenStatisticsAreUnavailable() {
		CONTROLLER.on("GET", "/cluster", (request) -> Reply.json(500, "{}"));

		JsonNode overview = body(get("/overview"));

		assertThat(overview.path("cluster_stats").path("error").asString())
			.isEqualTo("Impossible de récupérer les statistiques");
	}

	@Test
	void listsServicesWithTheirStatus() {
		CONTROLLER.on("GET", "/health", (request) -> Reply.json(503, "{}"));

		JsonNode services = body(get("/services"));

		assertThat(services.size()).isEqualTo(3);
		JsonNode controller = services.get(0);
		assertThat(controller.path("name").asString()).isEqualTo("cluster_controller");
		assertThat(controller.path("url").asString()).isEqualTo(CONTROLLER.uri().toString());
		assertThat(controller.path("status").asString()).isEqualTo("offline");
		assertThat(controller.path("error").asString()).isEqualTo("HTTP 503");
		assertThat(controller.path("last_check").asString()).endsWith("Z");
		JsonNode monitoring = services.get(1);
		assertThat(monitoring.path("status").asString()).isEqualTo("online");
		assertThat(monitoring.path("error").isNull()).isTrue();
		assertThat(monitoring.path("response_time").isNumber()).isTrue();
	}

	@Test
	void gathersMonitoringFiguresInMetrics() {
		MONITORING.on("GET", "/metrics", (request) -> Reply.json(200, "{\"total_metrics_collected\":12}"));
		MONITORING.on("GET", "/performance", (request) -> Reply.json(200, "{\"total_jobs\":4}"));

		JsonNode metrics = body(get("/metrics"));

		assertThat(metrics.path("metrics").path("monitoring").path("total_metrics_collected").asInt()).isEqualTo(12);
		assertThat(metrics.path("metrics").path("performance").path("total_jobs").asInt()).isEqualTo(4);

		MONITORING.stop();
		JsonNode down = body(get("/metrics"));
		assertThat(down.path("metrics").path("monitoring").path("error").asString()).isEqualTo("Données indisponibles");
	}

}
