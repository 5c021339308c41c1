package io.dispycluster.gateway.routing;

import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.Socket;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService;
import io.dispycluster.gateway.support.StubService.Recorded;
import io.dispycluster.gateway.support.StubService.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table: each path reaches the right service with its method, path, query, body
 * and status intact.
 */
class RoutingIT extends GatewayTestSupport {

	@ParameterizedTest(name = "{0} {1} -> {2} {3}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					GET    | /cluster                                  | controller | /cluster                   | null
					GET    | /cluster/                                 | controller | /                          | null
					GET    | /cluster/cluster                          | controller | /cluster                   | null
					GET    | /cluster/jobs?status=pending&limit=5      | controller | /jobs                      | status=pending&limit=5
					POST   | /cluster/workers/node6.lan/ping           | controller | /workers/node6.lan/ping    | null
					GET    | /monitoring/cluster/health                | monitoring | /cluster/health            | null
					GET    | /monitoring/nodes/node6.lan?hours=2       | monitoring | /nodes/node6.lan           | hours=2
					POST   | /monitoring/collect_metrics               | monitoring | /collect_metrics           | null
					GET    | /scheduler/tasks                          | scheduler  | /tasks                     | null
					GET    | /scheduler/history?limit=5                | scheduler  | /history                   | limit=5
					GET    | /jobs                                     | controller | /jobs                      | null
					GET    | /jobs?status=completed&limit=10           | controller | /jobs                      | status=completed&limit=10
					GET    | /jobs/job_42                              | controller | /jobs/job_42               | null
					POST   | /jobs/job_42/cancel                       | controller | /jobs/job_42/cancel        | null
					GET    | /workers                                  | controller | /workers                   | null
					GET    | /workers/node6.lan                        | controller | /workers/node6.lan         | null
					GET    | /nodes                                    | monitoring | /nodes                     | null
					GET    | /nodes/node6.lan?hours=6                  | monitoring | /nodes/node6.lan           | hours=6
					GET    | /alerts                                   | monitoring | /alerts                    | null
					GET    | /alerts/history                           | monitoring | /alerts/history            | null
					GET    | /performance?hours=1                      | monitoring | /performance               | hours=1
					GET    | /tasks                                    | scheduler  | /tasks                     | null
					DELETE | /tasks/task_7                             | scheduler  | /tasks/task_7              | null
					POST   | /tasks/task_7/run                         | scheduler  | /tasks/task_7/run          | null
					GET    | /workflows/workflow_3                     | scheduler  | /workflows/workflow_3      | null
					GET    | /schedule                                 | scheduler  | /schedule                  | null
					GET    | /history?limit=5                          | scheduler  | /history                   | limit=5
					""")
	void routesEachPathToItsService(String method, String path, String service, String upstreamPath,
			String upstreamQuery) {
		HttpResponse<String> response = send(method, path, "");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode echo = body(response);
		assertThat(echo.path("service").asString()).isEqualTo(service);
		assertThat(echo.path("method").asString()).isEqualTo(method);
		assertThat(echo.path("path").asString()).isEqualTo(upstreamPath);
		assertThat(echo.path("query").isNull() ? null : echo.path("query").asString()).isEqualTo(upstreamQuery);
	}

	@Test
	void dropsTheHeadersTheClientsConnectionHeaderNames() throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.getOutputStream()
				.write(("GET /nodes HTTP/1.1\r\nHost: localhost\r\nConnection: close, X-Hop\r\nX-Hop: client\r\n"
						+ "X-Kept: client\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(answer).startsWith("HTTP/1.1 200");
		}

		Recorded received = MONITORING.last("/nodes");
		assertThat(received.header("X-Hop")).isNull();
		assertThat(received.header("X-Kept")).isEqualTo("client");
	}

	@Test
	void dropsTheHeadersTheServicesConnectionHeaderNames() {
		MONITORING.on("GET", "/nodes",
				(request) -> Reply.json(200, "[]")
					.withHeader("Connection", "X-Hop")
					.withHeader("X-Hop", "service")
					.withHeader("X-Kept", "service"));

		HttpResponse<String> response = get("/nodes");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Hop")).isEmpty();
		assertThat(response.headers().firstValue("X-Kept")).hasValue("service");
		assertThat(response.body()).isEqualTo("[]");
	}

	@Test
	void givesTheConnectionBackWhenItAnswers304ItselfToAServiceIgnoringTheCondition() {
		// the service answers 200 with the very ETag the client asks about: the gateway
		// answers 304 itself, without the body
		MONITORING.on("GET", "/nodes", (request) -> Reply.json(200, "[{\"n\":1}]").withHeader("ETag", "\"v1\""));

		// more conditional requests than the gateway keeps connections to one service
		// (256)
		for (int i = 0; i < 300; i++) {
			assertThat(get("/nodes", "If-None-Match", "\"v1\"").statusCode()).as("request %d", i).isEqualTo(304);
		}

		assertThat(get("/nodes").body()).isEqualTo("[{\"n\":1}]");
	}

	@Test
	void passesBodyAndContentTypeThrough() {
		String task = "{\"name\":\"Tâche quotidienne\",\"urls\":[\"http://127.0.0.1:9/\"],\"schedule_type\":\"cron\","
				+ "\"schedule_config\":{\"cron\":\"0 6 * * *\"}}";

		HttpResponse<String> response = post("/tasks", task, "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		Recorded received = SCHEDULER.last("/tasks");
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.body()).isEqualTo(task);
		assertThat(received.header("Content-Type")).startsWith("application/json");
	}

	@Test
	void passesALargeBodySentWithExpectContinueThrough() {
		String task = "{\"name\":\"" + "x".repeat(64 * 1024) + "\"}";

		HttpResponse<String> response = send(request("/tasks", "Content-Type", "application/json").expectContinue(true)
			.POST(HttpRequest.BodyPublishers.ofString(task)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SCHEDULER.last("/tasks").body()).isEqualTo(task);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			POST  | /tasks         | a=1&b=%C3%A9
			POST  | /tasks?q=1     | a=1&b=2
			POST  | /tasks         | {"name":"x"}
			PUT   | /tasks/task_1  | a=1&b=2
			PUT   | /tasks/task_1?q=1 | {"name":"x"}
			PATCH | /tasks/task_1  | a=1
			""")
	void passesAFormBodyThroughAsSent(String method, String path, String body) {
		// curl -d without -H 'Content-Type: application/json' declares a form body: the
		// service gets it as sent and judges it, with the query string as sent
		HttpResponse<String> response = send(method, path, body, "Content-Type", "application/x-www-form-urlencoded");

		assertThat(response.statusCode()).isEqualTo(200);
		Recorded received = SCHEDULER.requests().get(SCHEDULER.requests().size() - 1);
		assertThat(received.method()).isEqualTo(method);
		assertThat(received.body()).isEqualTo(body);
		assertThat(received.query()).isEqualTo(path.contains("?") ? path.substring(path.indexOf('?') + 1) : null);
		assertThat(received.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/x-www-form-urlencoded" })
	void passesAChunkedBodyThrough(String contentType) {
		String body = "{\"name\":\"chunked\"}";

		HttpResponse<String> response = send(
				request("/tasks", "Content-Type", contentType).POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SCHEDULER.last("/tasks").body()).isEqualTo(body);
	}

	@Test
	void passesPutBodiesThrough() {
		HttpResponse<String> response = send("PUT", "/scheduler/tasks/task_1", "{\"name\":\"renamed\"}", "Content-Type",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SCHEDULER.last("/tasks/task_1").body()).isEqualTo("{\"name\":\"renamed\"}");
	}

	@Test
	void passesProblemsThroughUnchanged() {
		String notFound = "{\"type\":\"urn:dispycluster:problem:job-not-found\",\"title\":\"Job not found\","
				+ "\"status\":404,\"detail\":\"Job non trouvé\"}";
		CONTROLLER.on("GET", "/jobs/job_404", (request) -> Reply.problem(404, notFound));
		String invalid = "{\"type\":\"urn:dispycluster:problem:validation\",\"status\":422,"
				+ "\"errors\":[{\"field\":\"urls\",\"message\":\"required\"}]}";
		SCHEDULER.on("POST", "/tasks", (request) -> Reply.problem(422, invalid));

		HttpResponse<String> missing = get("/jobs/job_404");
		HttpResponse<String> rejected = post("/scheduler/tasks", "{}", "Content-Type", "application/json");

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).isEqualTo(notFound);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).isEqualTo(invalid);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/cluster/jobs/job_404?verbose=1 | controller | /jobs/job_404   | /cluster/jobs/job_404
			/monitoring/nodes/gone.lan      | monitoring | /nodes/gone.lan | /monitoring/nodes/gone.lan
			/scheduler/tasks/task_0         | scheduler  | /tasks/task_0   | /scheduler/tasks/task_0
			""")
	void givesTheClientItsOwnPathInTheProblemsOfAPrefixedRoute(String path, String service, String servicePath,
			String clientPath) {
		String problem = "{\"type\":\"urn:dispycluster:problem:not-found\",\"title\":\"Introuvable\",\"status\":404,"
				+ "\"detail\":\"Élément non trouvé\",\"instance\":\"" + servicePath + "\",\"subject\":\"x\"}";
		stub(service).on("GET", servicePath, (request) -> Reply.problem(404, problem));

		HttpResponse<String> response = get(path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).isEqualTo(problem.replace(servicePath, clientPath));
	}

	@Test
	void leavesOtherInstancesLargeProblemsAndSuccessfulAnswersOfAPrefixedRouteAlone() {
		String elsewhere = "{\"type\":\"urn:dispycluster:problem:conflict\",\"status\":409,\"instance\":\"/jobs\"}";
		CONTROLLER.on("POST", "/jobs/job_1/cancel", (request) -> Reply.problem(409, elsewhere));
		String answer = "{\"instance\":\"/jobs/job_1\"}";
		CONTROLLER.on("GET", "/jobs/job_1", (request) -> Reply.json(200, answer));

		String large = "{\"status\":404,\"instance\":\"/jobs/job_2\",\"detail\":\"" + "x".repeat(20_000) + "\"}";
		CONTROLLER.on("GET", "/jobs/job_2", (request) -> Reply.problem(404, large));

		assertThat(post("/cluster/jobs/job_1/cancel", "").body()).isEqualTo(elsewhere);
		assertThat(get("/cluster/jobs/job_1").body()).isEqualTo(answer);
		assertThat(get("/cluster/jobs/job_2").body()).isEqualTo(large);
	}

	@Test
	void passesServerErrorsThroughUnchanged() {
		CONTROLLER.on("GET", "/workers", (request) -> Reply.json(503, "{\"detail\":\"busy\"}"));

		HttpResponse<String> response = get("/workers");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).isEqualTo("{\"detail\":\"busy\"}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "429", "503" })
	void passesABusyAnswerThroughAtOnceWithoutCallingTheServiceAgain(int status) {
		CONTROLLER.on("GET", "/workers",
				(request) -> Reply.json(status, "{\"detail\":\"busy\"}").withHeader("Retry-After", "5"));
		long start = System.nanoTime();

		HttpResponse<String> response = get("/workers");

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(CONTROLLER.requests()).hasSize(1);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "FOO, /jobs", "PROPFIND, /cluster/jobs", "MKCOL, /tasks/task_1" })
	void answersAMethodNoServiceKnowsWithA405Problem(String method, String path) {
		HttpResponse<String> response = send(method, path, "");

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:method-not-allowed");
		assertThat(problem.path("detail").asString()).isEqualTo("Method '" + method + "' is not supported.");
		assertThat(problem.path("instance").asString()).isEqualTo(path);
		assertThat(CONTROLLER.requests()).isEmpty();
		assertThat(SCHEDULER.requests()).isEmpty();
	}

	@Test
	void keepsEncodedQueryStringsIntact() {
		HttpResponse<String> response = get("/jobs?status=pending&q=a%20b%26c&q=d");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(CONTROLLER.last("/jobs").query()).isEqualTo("status=pending&q=a%20b%26c&q=d");
	}

	@Test
	void answersAQueryStringTomcatCannotDecodeWithA400Problem() {
		// %e9 alone is not UTF-8: the gateway cannot read the parameters to forward them
		HttpResponse<String> response = get("/jobs?limit=1&q=%e9");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"type\":\"urn:dispycluster:problem:bad-request\"");
	}

	@Test
	void stripsHopByHopHeadersBothWays() {
		CONTROLLER.on("GET", "/workers",
				(request) -> Reply.json(200, "[]")
					.withHeader("Proxy-Authenticate", "Basic realm=x")
					.withHeader("X-Upstream", "kept"));

		HttpResponse<String> response = get("/workers", "Proxy-Authorization", "Basic eDp5", "Keep-Alive", "timeout=5",
				"X-Custom", "kept");

		Recorded received = CONTROLLER.last("/workers");
		assertThat(received.header("Proxy-Authorization")).isNull();
		assertThat(received.header("Keep-Alive")).isNull();
		assertThat(received.header("X-Custom")).isEqualTo("kept");
		assertThat(response.headers().firstValue("Proxy-Authenticate")).isEmpty();
		assertThat(response.headers().firstValue("X-Upstream")).hasValue("kept");
	}

	@Test
	void asksForNoEncodingOfItsOwn() {
		get("/workers", "Accept-Encoding", "identity");
		get("/jobs");

		assertThat(CONTROLLER.last("/workers").header("Accept-Encoding")).isEqualTo("identity");
		assertThat(CONTROLLER.last("/jobs").header("Accept-Encoding")).isNull();
	}

	@Test
	void answersUnknownPathsWithAProblem() {
		HttpResponse<String> response = get("/nowhere");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:not-found");
		assertThat(body(response).path("detail").asString()).isEqualTo("Aucune ressource à l'adresse GET /nowhere");
		assertThat(Map.of("c", CONTROLLER, "m", MONITORING, "s", SCHEDULER)
			.values()
			.stream()
			.mapToInt((StubService stub) -> stub.requests().size())
			.sum()).isZero();
	}

	private static StubService stub(String service) {
		return Map.of("controller", CONTROLLER, "monitoring", MONITORING, "scheduler", SCHEDULER).get(service);
	}

}
