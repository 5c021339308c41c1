package io.dispycluster.gateway.openapi;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService;
import io.dispycluster.gateway.support.StubService.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's Swagger UI lists every service, each document pointing back at the
 * gateway.
 */
class OpenApiIT extends GatewayTestSupport {

	private static final String CONTROLLER_DOCS = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"controller\"},"
			+ "\"servers\":[{\"url\":\"http://127.0.0.1:8081\"}],\"paths\":{\"/jobs\":{\"get\":{}},"
			+ "\"/internal/workers/register\":{\"post\":{}},\"/internal/jobs/{job_id}/report\":{\"post\":{}},"
			+ "\"/actuator/prometheus\":{\"get\":{}}}}";

	@Test
	void servesAServiceDocumentWithTheGatewayAsItsServer() {
		CONTROLLER.on("GET", "/v3/api-docs", (request) -> Reply.json(200, CONTROLLER_DOCS));

		JsonNode document = body(get("/openapi/controller"));

		assertThat(document.path("servers").toString())
			.isEqualTo("[{\"url\":\"/cluster\",\"description\":\"cluster_controller through the gateway\"}]");
		assertThat(document.path("paths").propertyNames()).containsExactly("/jobs");
		assertThat(document.path("info").path("title").asString()).isEqualTo("controller");
	}

	@Test
	void saysWhenAServiceHasNoDocument() {
		MONITORING.on("GET", "/v3/api-docs", (request) -> Reply.problem(404, "{\"status\":404}"));
		CONTROLLER.on("GET", "/v3/api-docs", (request) -> new Reply(200, "text/html", "<html></html>", Map.of()));

		HttpResponse<String> none = get("/openapi/monitoring");
		HttpResponse<String> notADocument = get("/openapi/controller");
		HttpResponse<String> unknown = get("/openapi/worker");

		for (HttpResponse<String> response : List.of(none, notADocument)) {
			assertThat(response.statusCode()).isEqualTo(502);
			assertThat(body(response).path("type").asString())
				.isEqualTo("urn:dispycluster:problem:upstream-docs-unavailable");
		}
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void answers502AsARouteDoesWhenTheServiceIsDown() {
		SCHEDULER.stop();

		HttpResponse<String> down = get("/openapi/scheduler");

		assertThat(down.statusCode()).isEqualTo(502);
		assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(down).path("type").asString()).isEqualTo("urn:dispycluster:problem:upstream-unavailable");
		assertThat(body(down).path("service").asString()).isEqualTo("scheduler");
	}

	@Test
	void answers504AsARouteDoesWhenTheServiceIsTooSlow() {
		// the stub holds the answer past the gateway's timeout (1 s here), until the test
		// ends
		SCHEDULER.hang("GET", "/v3/api-docs");

		HttpResponse<String> slow = get("/openapi/scheduler");

		assertThat(slow.statusCode()).isEqualTo(504);
		assertThat(slow.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(slow).path("type").asString()).isEqualTo("urn:dispycluster:problem:upstream-timeout");
		assertThat(body(slow).path("service").asString()).isEqualTo("scheduler");
		assertThat(SCHEDULER.requests()).extracting(StubService.Recorded::path).contains("/v3/api-docs");
	}

	@Test
	void listsEveryServiceInTheSwaggerUi() {
		JsonNode config = body(get("/v3/api-docs/swagger-config"));

		assertThat(config.path("urls").findValuesAsString("url")).containsExactlyInAnyOrder("/v3/api-docs",
				"/openapi/controller", "/openapi/monitoring", "/openapi/scheduler");
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
		assertThat(body(get("/v3/api-docs")).path("paths").has("/scrape")).isTrue();
	}

	@ParameterizedTest(name = "GET {0}")
	@ValueSource(strings = { "/swagger-ui", "/swagger-ui/" })
	void redirectsTheSwaggerUiFolderToTheUi(String path) {
		HttpResponse<String> response = get(path);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/swagger-ui/index.html");
	}

	@Test
	void describesTheScrapeBodiesAsTheControllersJsonObjects() {
		JsonNode paths = body(get("/v3/api-docs")).path("paths");

		assertThat(paths.at("/~1scrape/post/requestBody/content/application~1json/schema/$ref").asString())
			.endsWith("/ScrapeRequest");
		assertThat(paths.at("/~1scrape~1batch/post/requestBody/content/application~1json/schema/$ref").asString())
			.endsWith("/BatchScrapeRequest");
	}

}
