package io.dispycluster.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full gateway on a random port in front of three stub services, with short timeouts
 * (route and aggregate 1 s, connect 500 ms) and circuit breakers that open after 4 calls.
 * Every test class extending it shares one Spring context; stubs are reset after each
 * test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispycluster.gateway.route-timeout=1s", "dispycluster.gateway.aggregate-timeout=1s",
				"dispycluster.gateway.connect-timeout=500ms",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s" })
public abstract class GatewayTestSupport {

	protected static final StubService CONTROLLER = StubService.start("controller");

	protected static final StubService MONITORING = StubService.start("monitoring");

	protected static final StubService SCHEDULER = StubService.start("scheduler");

	protected static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper json;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("dispycluster.services.controller", CONTROLLER::uri);
		registry.add("dispycluster.services.monitoring", MONITORING::uri);
		registry.add("dispycluster.services.scheduler", SCHEDULER::uri);
	}

	@AfterEach
	void resetStubs() {
		List.of(CONTROLLER, MONITORING, SCHEDULER).forEach(StubService::reset);
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	protected HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	protected HttpResponse<String> post(String path, String body, String... headers) {
		return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	protected HttpResponse<String> send(String method, String path, String body, String... headers) {
		HttpRequest.BodyPublisher publisher = body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body);
		return send(request(path, headers).method(method, publisher));
	}

	protected HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected JsonNode body(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

}
