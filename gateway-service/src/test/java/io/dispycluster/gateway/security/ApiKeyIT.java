package io.dispycluster.gateway.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.ProductionTestSupport;
import io.dispycluster.gateway.support.StubService.Recorded;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production every route needs a key, the services get the internal token instead of
 * the client's credentials, and an anonymous {@code /health} tells only the overall
 * status.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyIT extends ProductionTestSupport {

	@Test
	void refusesARouteWithoutAKey() {
		HttpResponse<String> response = get("/jobs");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"dispycluster\"");
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:unauthorized");
		assertThat(problem.path("detail").asString()).startsWith("Clé d'API manquante");
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void refusesAWrongKeyEvenOnPublicPaths(CapturedOutput output) {
		HttpResponse<String> route = get("/jobs", "X-API-Key", "not-a-key-123");
		HttpResponse<String> health = get("/health", "Authorization", "Bearer not-a-key-123");

		assertThat(route.statusCode()).isEqualTo(401);
		assertThat(body(route).path("detail").asString()).isEqualTo("Clé d'API invalide");
		assertThat(health.statusCode()).isEqualTo(401);
		assertThat(output.getOut()).contains("unknown API key").doesNotContain("not-a-key-123");
	}

	@Test
	void refusesTheGatewaysOwnEndpointsWithoutAKey() {
		assertThat(get("/").statusCode()).isEqualTo(401);
		assertThat(get("/dashboard").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type", "application/json").statusCode())
			.isEqualTo(401);
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void acceptsAKeyInEitherHeaderAndSendsTheInternalTokenInstead() {
		HttpResponse<String> byHeader = get("/jobs", "X-API-Key", OPS_KEY);
		Recorded first = CONTROLLER.last("/jobs");
		HttpResponse<String> byBearer = get("/workers", "Authorization", "Bearer " + OPS_KEY);
		Recorded second = CONTROLLER.last("/workers");

		assertThat(byHeader.statusCode()).isEqualTo(200);
		assertThat(byBearer.statusCode()).isEqualTo(200);
		assertThat(first.header("X-Internal-Token")).isEqualTo(INTERNAL_TOKEN);
		assertThat(first.header("X-API-Key")).isNull();
		assertThat(second.header("X-Internal-Token")).isEqualTo(INTERNAL_TOKEN);
		assertThat(second.header("Authorization")).isNull();
	}

	@Test
	void acceptsAKeyWithNonAsciiCharactersSentAsUtf8() throws IOException {
		// what curl sends from a UTF-8 terminal: the key's UTF-8 bytes, written here on a
		// socket since the JDK's client would not send them as they are
		assertThat(statusLine("X-API-Key: ", ACCENTED_KEY)).isEqualTo("HTTP/1.1 200 ");
		assertThat(statusLine("Authorization: Bearer ", ACCENTED_KEY)).isEqualTo("HTTP/1.1 200 ");
		assertThat(statusLine("X-API-Key: ", "clé-inconnue-0004")).isEqualTo("HTTP/1.1 401 ");
	}

	private String statusLine(String header, String key) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + header)
				.getBytes(StandardCharsets.US_ASCII));
			out.write(key.getBytes(StandardCharsets.UTF_8));
			out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();
		}
	}

	@Test
	void replacesATokenSentByTheClient() {
		get("/jobs", "X-API-Key", OPS_KEY, "X-Internal-Token", "forged-token-forged-token");

		assertThat(CONTROLLER.last("/jobs").headers().get("X-Internal-Token")).containsExactly(INTERNAL_TOKEN);
	}

	@Test
	void sendsTheInternalTokenOnTheGatewaysOwnCalls() {
		get("/dashboard", "X-API-Key", OPS_KEY);
		post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type", "application/json", "X-API-Key", OPS_KEY);

		assertThat(CONTROLLER.last("/cluster").header("X-Internal-Token")).isEqualTo(INTERNAL_TOKEN);
		assertThat(MONITORING.last("/cluster/health").header("X-Internal-Token")).isEqualTo(INTERNAL_TOKEN);
		assertThat(SCHEDULER.last("/tasks").header("X-Internal-Token")).isEqualTo(INTERNAL_TOKEN);
		assertThat(CONTROLLER.last("/scrape").header("X-Internal-Token")).isEqualTo(INTERNAL_TOKEN);
		assertThat(CONTROLLER.last("/scrape").header("X-API-Key")).isNull();
	}

	@Test
	void doesNotTakeAPathThroughAPublicOneForPublic() {
		assertThat(get("/health/../jobs").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/health/../prometheus").statusCode()).isEqualTo(401);
		assertThat(get("/health;x=1/../../jobs").statusCode()).isIn(400, 401, 404);
		assertThat(get("/jobs/..;/health").statusCode()).isEqualTo(401);
		assertThat(get("/%68ealth").statusCode()).isEqualTo(401);
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@ParameterizedTest(name = "GET {0}")
	@ValueSource(strings = { "/jobs/%2e%2e/health", "/cluster/x/../../health" })
	void servesAPathWhoseDotSegmentsResolveToAPublicOneAsThatPath(String path) {
		HttpResponse<String> response = get(path);

		// the gateway's own /health, as anonymous callers see it: nothing is forwarded
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response).propertyNames()).containsExactly("overall_status", "timestamp");
		assertThat(CONTROLLER.requests()).noneMatch((request) -> request.path().startsWith("/jobs"));
	}

	@Test
	void neverForwardsToInternalEndpointsEvenWithAKey() {
		HttpResponse<String> register = post("/cluster/internal/workers/register", "{\"node_id\":\"evil\"}",
				"Content-Type", "application/json", "X-API-Key", OPS_KEY);
		HttpResponse<String> report = post("/jobs/..;/internal/jobs/job_1/report", "{}", "Content-Type",
				"application/json", "X-API-Key", OPS_KEY);

		assertThat(register.statusCode()).isEqualTo(404);
		assertThat(report.statusCode()).isEqualTo(404);
		assertThat(body(register).path("type").asString()).isEqualTo("urn:dispycluster:problem:not-found");
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void servesNoApiDocumentationInProduction() {
		assertThat(get("/v3/api-docs", "X-API-Key", OPS_KEY).statusCode()).isEqualTo(404);
		assertThat(get("/openapi/controller", "X-API-Key", OPS_KEY).statusCode()).isEqualTo(404);
		assertThat(get("/swagger-ui/index.html", "X-API-Key", OPS_KEY).statusCode()).isEqualTo(404);
	}

	@Test
	void showsOnlyTheOverallStatusToAnonymousHealthChecks() {
		HttpResponse<String> anonymous = get("/health");
		HttpResponse<String> keyed = get("/health", "X-API-Key", OPS_KEY);

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(body(anonymous).propertyNames()).containsExactly("overall_status", "timestamp");
		assertThat(body(anonymous).path("overall_status").asString()).isEqualTo("healthy");
		assertThat(body(keyed).has("services")).isTrue();
		assertThat(body(keyed).has("workers")).isTrue();
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

}
