package io.dispycluster.gateway.routing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.BrokenService;
import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service that is down or too slow gives a 502 or 504 problem naming it, within the
 * route's timeout (1 s in these tests).
 */
class UpstreamFailureIT extends GatewayTestSupport {

	@Test
	void answers502FastWhenTheServiceIsDown() {
		MONITORING.stop();

		long start = System.nanoTime();
		HttpResponse<String> response = get("/nodes");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:upstream-unavailable");
		assertThat(problem.path("status").asInt()).isEqualTo(502);
		assertThat(problem.path("service").asString()).isEqualTo("monitoring");
		assertThat(problem.path("detail").asString()).contains("monitoring");
		assertThat(elapsed).isLessThan(Duration.ofMillis(900));
	}

	@Test
	void answers502ForAStoppedServiceBehindAPrefix() {
		SCHEDULER.stop();

		HttpResponse<String> response = send("POST", "/scheduler/tasks", "{\"name\":\"x\"}", "Content-Type",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(body(response).path("service").asString()).isEqualTo("scheduler");
	}

	@Test
	void answers502WhenAServiceRefusesTheGatewaysInternalToken() {
		// what a service answers when the gateway's token is not the cluster's
		String refused = "{\"type\":\"urn:dispycluster:problem:unauthorized\",\"status\":401,"
				+ "\"detail\":\"Jeton interne absent ou invalide (X-Internal-Token)\"}";
		CONTROLLER.on("GET", "/jobs", (request) -> Reply.problem(401, refused));
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.problem(401, refused));
		MONITORING.on("GET", "/cluster/health", (request) -> Reply.problem(401, refused));

		HttpResponse<String> routed = get("/cluster/jobs");
		HttpResponse<String> submitted = post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type",
				"application/json");
		JsonNode dashboard = body(get("/dashboard")).path("data");

		for (HttpResponse<String> response : List.of(routed, submitted)) {
			assertThat(response.statusCode()).isEqualTo(502);
			assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
			JsonNode problem = body(response);
			assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:upstream-refused");
			assertThat(problem.path("service").asString()).isEqualTo("cluster_controller");
		}
		assertThat(dashboard.path("cluster_health").path("reason").asString())
			.isEqualTo("refused the gateway's internal token");
	}

	@Test
	void answers504AtTheRouteTimeoutWhenTheServiceIsTooSlow() {
		CONTROLLER.hang("GET", "/jobs");

		long start = System.nanoTime();
		HttpResponse<String> response = get("/jobs?limit=10");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).isEqualTo(504);
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:upstream-timeout");
		assertThat(problem.path("service").asString()).isEqualTo("cluster_controller");
		assertThat(elapsed).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
	}

	@Test
	void answers502WhenTheServiceBreaksOffItsAnswerBeforeAnyOfItWasSent() throws Exception {
		// the service declares 100 bytes, sends 6 and closes: it went down mid-answer
		try (BrokenService broken = BrokenService.instead(MONITORING,
				"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: \"v1\"\r\nContent-Length: 100\r\n\r\n"
						+ "{\"a\":1")) {

			HttpResponse<String> response = get("/nodes", "X-Request-Id", "broken-1");

			assertThat(response.statusCode()).isEqualTo(502);
			assertThat(response.headers().firstValue("X-Request-Id")).hasValue("broken-1");
			assertThat(response.headers().firstValue("ETag")).isEmpty();
			JsonNode problem = body(response);
			assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:upstream-unavailable");
			assertThat(problem.path("service").asString()).isEqualTo("monitoring");
		}
	}

	@Test
	void answersTheFirstCallAfterAServiceRestartedOverConnectionsItHadOpen() throws Exception {
		// several connections to the service in the pool, used a moment ago
		MONITORING.on("GET", "/nodes", (request) -> {
			sleep(Duration.ofMillis(300));
			return Reply.json(200, "[]");
		});
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(CLIENT.sendAsync(request("/nodes").GET().build(), HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> call : calls) {
			assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}

		// the service restarts: every one of them is closed
		MONITORING.stop();
		MONITORING.start();

		assertThat(get("/nodes").statusCode()).isEqualTo(200);
	}

	@Test
	void cutsTheClientsConnectionWhenTheServiceBreaksOffAnAnswerAlreadyUnderWay() throws Exception {
		// 256 KB of a chunked answer, more than the gateway buffers, then the service is
		// gone: the client must see an incomplete answer, not a complete 200
		String chunk = "x".repeat(16 * 1024);
		String chunks = ("4000\r\n" + chunk + "\r\n").repeat(16);
		try (BrokenService broken = BrokenService.instead(MONITORING,
				"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)) {

			assertThatThrownBy(() -> CLIENT.send(request("/nodes").GET().build(), HttpResponse.BodyHandlers.ofString()))
				.isInstanceOf(IOException.class);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
