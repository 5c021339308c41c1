package io.dispycluster.gateway.routing;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A path with a trailing slash or empty segments is served as its canonical form, by the
 * gateway's own endpoints and by the routes alike.
 */
class CanonicalPathIT extends GatewayTestSupport {

	@ParameterizedTest(name = "GET {0}")
	@ValueSource(strings = { "/health/", "/overview/", "/services/", "/dashboard/", "/metrics/", "//health",
			"//overview//" })
	void answersTheGatewaysOwnEndpointsWithATrailingSlashOrEmptySegments(String path) {
		HttpResponse<String> response = get(path);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void forwardsAScrapeSentToATrailingSlash() {
		HttpResponse<String> response = post("/scrape/", "{\"start_url\":\"https://example.org/\"}", "Content-Type",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(CONTROLLER.last("/scrape").body()).contains("https://example.org/");
	}

	@ParameterizedTest(name = "{0} {1} -> {2} {3}")
	@CsvSource(delimiter = '|', textBlock = """
			GET    | /jobs/                       | controller | /jobs
			GET    | //jobs                       | controller | /jobs
			GET    | /cluster//jobs               | controller | /jobs
			GET    | /cluster/jobs/               | controller | /jobs
			POST   | /jobs//job_1/cancel/         | controller | /jobs/job_1/cancel
			GET    | /cluster//                   | controller | /
			GET    | /cluster/                    | controller | /
			GET    | /monitoring/                 | monitoring | /
			GET    | /monitoring//cluster/health/ | monitoring | /cluster/health
			DELETE | //tasks/task_7/              | scheduler  | /tasks/task_7
			GET    | /history/                    | scheduler  | /history
			GET    | /jobs/./                     | controller | /jobs
			GET    | /jobs/a/../b                 | controller | /jobs/b
			GET    | /jobs/%2e/job_1              | controller | /jobs/job_1
			POST   | /jobs/job_1/./cancel         | controller | /jobs/job_1/cancel
			GET    | /cluster/./jobs              | controller | /jobs
			GET    | /cluster/jobs/..             | controller | /
			GET    | /monitoring/x/../nodes       | monitoring | /nodes
			DELETE | /tasks/x/../task_7           | scheduler  | /tasks/task_7
			""")
	void routesATrailingSlashOrEmptySegmentsAsTheCanonicalPath(String method, String path, String service,
			String upstreamPath) {
		HttpResponse<String> response = send(method, path, "");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode echo = body(response);
		assertThat(echo.path("service").asString()).isEqualTo(service);
		assertThat(echo.path("path").asString()).isEqualTo(upstreamPath);
	}

	@ParameterizedTest(name = "GET {0}")
	@ValueSource(strings = { "/health/.", "/x/../health", "/overview/./" })
	void answersTheGatewaysOwnEndpointsWithDotSegments(String path) {
		HttpResponse<String> response = get(path);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void answersAnUnknownPathWithATrailingSlashWithTheUsualProblem() {
		HttpResponse<String> response = get("//nowhere/");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("detail").asString()).isEqualTo("Aucune ressource à l'adresse GET /nowhere");
	}

	@ParameterizedTest(name = "GET {0}")
	@ValueSource(strings = { "/jobs/a%2Fb", "/cluster/jobs/a%2fb", "/monitoring/nodes/x%2Fy", "/tasks/%2F" })
	void refusesAnEncodedSlashWithAProblemNamingThePath(String path) {
		HttpResponse<String> response = get(path);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:bad-request");
		assertThat(problem.path("detail").asString()).contains("%2F");
		assertThat(problem.path("instance").asString()).isEqualTo(path);
		assertThat(CONTROLLER.requests()).isEmpty();
		assertThat(MONITORING.requests()).isEmpty();
		assertThat(SCHEDULER.requests()).isEmpty();
	}

}
