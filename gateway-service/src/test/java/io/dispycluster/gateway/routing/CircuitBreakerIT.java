package io.dispycluster.gateway.routing;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that keeps failing stops receiving calls: after four failures (in these
 * tests) its breaker opens and the gateway answers 503 at once, without calling it.
 */
class CircuitBreakerIT extends GatewayTestSupport {

	@Test
	void stopsCallingAServiceThatKeepsAnswering500() {
		SCHEDULER.on("GET", "/tasks", (request) -> Reply.json(500, "{\"detail\":\"boom\"}"));
		for (int i = 0; i < 4; i++) {
			assertThat(get("/tasks").statusCode()).isEqualTo(500);
		}

		long start = System.nanoTime();
		HttpResponse<String> refused = get("/tasks");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
		JsonNode problem = body(refused);
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:upstream-circuit-open");
		assertThat(problem.path("service").asString()).isEqualTo("scheduler");
		assertThat(elapsed).isLessThan(Duration.ofMillis(500));
		assertThat(SCHEDULER.requests()).hasSize(4);
	}

	@Test
	void opensForAServiceThatIsDownAndOnlyForThatService() {
		MONITORING.stop();
		for (int i = 0; i < 4; i++) {
			assertThat(get("/nodes").statusCode()).isEqualTo(502);
		}

		assertThat(get("/alerts").statusCode()).isEqualTo(503);
		assertThat(get("/jobs").statusCode()).isEqualTo(200);
	}

	@Test
	void keepsHealthHonestWhileABreakerIsOpen() {
		CONTROLLER.on("GET", "/cluster", (request) -> Reply.json(500, "{}"));
		for (int i = 0; i < 4; i++) {
			get("/cluster");
		}

		JsonNode dashboard = body(get("/dashboard"));
		JsonNode health = body(get("/health"));

		assertThat(dashboard.path("data").path("cluster_stats").path("reason").asString())
			.isEqualTo("suspended after repeated failures");
		assertThat(health.path("services").path("cluster_controller").path("status").asString()).isEqualTo("healthy");
	}

	@Test
	void countsScrapeForwardsToo() {
		CONTROLLER.stop();
		for (int i = 0; i < 4; i++) {
			assertThat(
					post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type", "application/json").statusCode())
				.isEqualTo(502);
		}

		assertThat(post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type", "application/json").statusCode())
			.isEqualTo(503);
	}

}
