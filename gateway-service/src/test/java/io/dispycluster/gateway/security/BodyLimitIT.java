package io.dispycluster.gateway.security;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.support.ProductionTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over the cap (1 KB in these tests) are refused with 413 and never reach a
 * service, whether their length is declared or they come chunked.
 */
class BodyLimitIT extends ProductionTestSupport {

	@Test
	void refusesADeclaredBodyOverTheCap() {
		HttpResponse<String> response = post("/tasks", json(2000), "Content-Type", "application/json", "X-API-Key",
				OPS_KEY);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:payload-too-large");
		assertThat(SCHEDULER.requests()).isEmpty();
	}

	@Test
	void refusesAScrapeBodyOverTheCap() {
		HttpResponse<String> response = post("/scrape", json(5000), "Content-Type", "application/json", "X-API-Key",
				OPS_KEY);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void refusesAChunkedBodyOverTheCap() {
		HttpResponse<String> response = send(chunked("/tasks", json(3000)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(SCHEDULER.requests()).isEmpty();
	}

	@Test
	void passesBodiesUnderTheCapIntact() {
		String declared = json(900);
		String streamed = json(1000);

		HttpResponse<String> first = post("/tasks", declared, "Content-Type", "application/json", "X-API-Key", OPS_KEY);
		String firstBody = SCHEDULER.last("/tasks").body();
		HttpResponse<String> second = send(chunked("/tasks", streamed));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(firstBody).isEqualTo(declared);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(SCHEDULER.last("/tasks").body()).isEqualTo(streamed);
	}

	private HttpRequest.Builder chunked(String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return request(path, "Content-Type", "application/json", "X-API-Key", OPS_KEY)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
	}

	/** A JSON object of exactly {@code size} bytes. */
	private static String json(int size) {
		String start = "{\"name\":\"";
		String end = "\"}";
		return start + "x".repeat(size - start.length() - end.length()) + end;
	}

}
