package io.dispycluster.gateway.routing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.BrokenService;
import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService.Reply;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that keeps failing (refusing connections, answering 500, or breaking off its
 * answers) stops receiving calls: after four failures (in these tests) its breaker opens
 * and the gateway answers 503 at once, without calling it.
 */
class CircuitBreakerIT extends GatewayTestSupport {

	@Autowired
	private CircuitBreakerRegistry registry;

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
	void stopsCallingAServiceThatKeepsBreakingOffItsAnswerBeforeAnyOfItWasSent() throws Exception {
		// the service declares 100 bytes, sends 6 and closes, every time
		try (BrokenService broken = BrokenService.instead(MONITORING,
				"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":1")) {
			for (int i = 0; i < 4; i++) {
				assertThat(get("/nodes").statusCode()).isEqualTo(502);
			}

			HttpResponse<String> refused = get("/nodes");

			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(body(refused).path("type").asString())
				.isEqualTo("urn:dispycluster:problem:upstream-circuit-open");
		}
	}

	@Test
	void stopsCallingAServiceThatKeepsBreakingOffAnAnswerUnderWay() throws Exception {
		// 256 KB of a chunked 200, more than the gateway buffers, then the service is
		// gone
		String chunks = ("4000\r\n" + "x".repeat(16 * 1024) + "\r\n").repeat(16);
		try (BrokenService broken = BrokenService.instead(MONITORING,
				"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)) {
			for (int i = 0; i < 4; i++) {
				assertThat(cutShortOr502("/nodes")).isTrue();
			}

			assertThat(get("/nodes").statusCode()).isEqualTo(503);
		}
	}

	/**
	 * Whether the answer to {@code path} was cut short, or a 502: the gateway's pool may
	 * still hold a connection to the stub stopped for the broken service, which then
	 * fails without an answer. Both are failures of the service.
	 */
	private boolean cutShortOr502(String path) throws InterruptedException {
		try {
			return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 502;
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Test
	void countsAnAnswerPassedOnWholeAsASuccess() {
		MONITORING.on("GET", "/nodes", (request) -> Reply.json(200, "[" + "{\"n\":1},".repeat(20_000) + "{}]"));
		MONITORING.on("GET", "/alerts", (request) -> Reply.json(404, "{}"));

		for (int i = 0; i < 2; i++) {
			assertThat(get("/nodes").statusCode()).isEqualTo(200);
		}
		assertThat(send("HEAD", "/nodes", "").statusCode()).isEqualTo(200);
		assertThat(get("/alerts").statusCode()).isEqualTo(404);

		// the verdict comes once the gateway has read the body to its end, which can be
		// just after the client got all of it; the window holds the last 4 calls
		CircuitBreaker.Metrics metrics = this.registry.circuitBreaker("monitoring").getMetrics();
		await().atMost(Duration.ofSeconds(5)).until(() -> metrics.getNumberOfSuccessfulCalls() == 4);
		assertThat(metrics.getNumberOfFailedCalls()).isZero();
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
