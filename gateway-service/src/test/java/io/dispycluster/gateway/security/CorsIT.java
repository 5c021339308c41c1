package io.dispycluster.gateway.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dispycluster.gateway.support.ProductionTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the configured origin ({@code https://grafana.example.lan} in these tests) may
 * call the gateway from a browser; its preflight needs no key.
 */
class CorsIT extends ProductionTestSupport {

	private static final String ALLOWED = "https://grafana.example.lan";

	@Test
	void answersAPreflightFromAnAllowedOriginWithoutAKey() {
		HttpResponse<String> response = send("OPTIONS", "/jobs", "", "Origin", ALLOWED, "Access-Control-Request-Method",
				"POST", "Access-Control-Request-Headers", "X-API-Key,Content-Type");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("x-api-key");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("1800");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void letsABrowserSendAnIdempotencyKeyWithItsSubmission() {
		HttpResponse<String> response = send("OPTIONS", "/scrape", "", "Origin", ALLOWED,
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
				"content-type,idempotency-key,x-api-key");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("idempotency-key");
	}

	@Test
	void refusesAPreflightFromAnotherOrigin() {
		HttpResponse<String> response = send("OPTIONS", "/jobs", "", "Origin", "https://evil.example",
				"Access-Control-Request-Method", "GET");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:cors-refused");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} from {2}")
	@CsvSource(delimiter = '|', textBlock = """
			OPTIONS | /jobs/job_1     | https://evil.example | /jobs/job_1
			GET     | /tasks?limit=1  | https://evil.example | /tasks
			GET     | /jobs           | http://[not-an-origin | /jobs
			""")
	void namesTheRefusedPathInTheProblem(String method, String path, String origin, String instance) {
		HttpResponse<String> response = send(method, path, "", "Origin", origin, "Access-Control-Request-Method", "GET",
				"X-API-Key", OPS_KEY);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(body(response).path("instance").asString()).isEqualTo(instance);
	}

	@Test
	void letsAnAllowedOriginReadTheAnswerAndItsHeaders() {
		HttpResponse<String> response = get("/jobs", "Origin", ALLOWED, "X-API-Key", OPS_KEY);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
			.contains("X-Request-Id")
			.contains("RateLimit-Remaining");
	}

	@Test
	void refusesARequestFromAnotherOrigin() {
		HttpResponse<String> response = get("/jobs", "Origin", "https://evil.example", "X-API-Key", OPS_KEY);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void treatsSameOriginRequestsAsPlainRequests() {
		HttpResponse<String> response = get("/jobs", "Origin", "http://127.0.0.1:" + this.port, "X-API-Key", OPS_KEY);

		assertThat(response.statusCode()).isEqualTo(200);
	}

}
