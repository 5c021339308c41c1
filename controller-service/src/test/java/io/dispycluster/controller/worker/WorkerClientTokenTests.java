package io.dispycluster.controller.worker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dispycluster.support.security.InternalTokenProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every call of the {@link WorkerClient} (health checks and manual pings, the assignment
 * listing, assignments, cancellations) carries the internal token when one is configured,
 * and none when it is not: a worker in production refuses calls without it.
 */
class WorkerClientTokenTests {

	private static final String TOKEN = "a-cluster-internal-token";

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private final Map<String, String> queries = new ConcurrentHashMap<>();

	private HttpServer server;

	private UriBuilderFactory worker;

	@BeforeEach
	void startWorker() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.worker = WorkerClient.at("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	@AfterEach
	void stopWorker() {
		this.server.stop(0);
	}

	@Test
	void sendsTheTokenOnEveryCallToAWorker() {
		callEverything(client(TOKEN));
		assertThat(this.tokens).containsOnlyKeys("GET /health", "GET /assignments", "POST /assignments",
				"POST /assignments/job_1/cancel");
		assertThat(this.tokens).allSatisfy((call, token) -> assertThat(token).isEqualTo(TOKEN));
	}

	@Test
	void namesTheAttemptItCancels() {
		client(TOKEN).cancel(this.worker, "job_1", 3);
		assertThat(this.queries).containsEntry("POST /assignments/job_1/cancel", "attempt=3");
	}

	@Test
	void sendsNoTokenWhenNoneIsConfigured() {
		callEverything(client(null));
		assertThat(this.tokens).hasSize(4).allSatisfy((call, token) -> assertThat(token).isEqualTo("(none)"));
	}

	/**
	 * A worker stored with a port out of range (before registrations were checked for
	 * it): every call fails as for a worker that cannot be reached, which its callers
	 * handle, rather than with an IllegalArgumentException that none of them expected.
	 */
	@Test
	void failsEveryCallToAnAddressThatCannotBeTriedAsAnUnreachableWorker() {
		WorkerClient client = client(null);
		UriBuilderFactory unusable = WorkerClient.at("http://127.0.0.1:99999");
		JsonNode assignment = JsonMapper.builder().build().readTree("{\"job_id\":\"job_1\",\"attempt\":1}");
		List<ThrowingCallable> calls = List.of(() -> client.health(unusable), () -> client.assignments(unusable),
				() -> client.assign(unusable, null, assignment), () -> client.cancel(unusable, "job_1", 1));
		for (ThrowingCallable call : calls) {
			assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(call)
				.satisfies((ex) -> assertThat(WorkerClient.describe(ex)).contains("port out of range:99999"));
		}
	}

	private void callEverything(WorkerClient client) {
		assertThat(client.health(this.worker).get("status").stringValue()).isEqualTo("ok");
		assertThat(client.assignments(this.worker)).isEmpty();
		client.assign(this.worker, "req-1",
				JsonMapper.builder().build().readTree("{\"job_id\":\"job_1\",\"attempt\":1}"));
		client.cancel(this.worker, "job_1", 1);
	}

	private static WorkerClient client(@Nullable String token) {
		return new WorkerClientConfiguration().workerClient(RestClient.builder(),
				new WorkerProperties(Duration.ofSeconds(10), Duration.ofSeconds(2), 2),
				new InternalTokenProperties(token, false));
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
			String token = exchange.getRequestHeaders().getFirst(InternalTokenProperties.HEADER);
			this.tokens.put(call, (token != null) ? token : "(none)");
			String query = exchange.getRequestURI().getQuery();
			this.queries.put(call, (query != null) ? query : "");
			exchange.getRequestBody().readAllBytes();
			String body = switch (call) {
				case "GET /health" -> "{\"status\":\"ok\"}";
				case "GET /assignments" -> "[]";
				default -> "{}";
			};
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(call.startsWith("POST") ? 202 : 200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}

}
