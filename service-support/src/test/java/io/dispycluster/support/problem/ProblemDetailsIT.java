package io.dispycluster.support.problem;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of failure a service meets, on a real server, answered with a problem that
 * has a stable type and never a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jackson.property-naming-strategy=SNAKE_CASE", "spring.mvc.problemdetails.enabled=true" })
class ProblemDetailsIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void malformedJsonIsA400() throws Exception {
		HttpResponse<String> response = post("/things", "{\"max_pages\": ");
		assertProblem(response, 400, "malformed-request");
	}

	@Test
	void aSecondJsonValueAfterTheBodyIsA400() throws Exception {
		HttpResponse<String> response = post("/things", "{\"max_pages\": 5} {\"max_pages\": 6}");
		assertProblem(response, 400, "malformed-request");
	}

	@Test
	void aValueOfTheWrongTypeIsA422NamingTheField() throws Exception {
		HttpResponse<String> response = post("/things", "{\"max_pages\": \"many\"}");
		JsonNode problem = assertProblem(response, 422, "invalid-request");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("max_pages");
	}

	@Test
	void aValueOutOfRangeIsA422NamingTheFieldInSnakeCase() throws Exception {
		HttpResponse<String> response = post("/things", "{\"max_pages\": 5000}");
		JsonNode problem = assertProblem(response, 422, "invalid-request");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("max_pages");
		assertThat(problem.path("detail").asString()).isEqualTo("Champ invalide : max_pages");
	}

	@Test
	void aNumberTooLargeForItsFieldIsA422NamingTheField() throws Exception {
		HttpResponse<String> response = post("/things", "{\"max_pages\": 99999999999}");
		JsonNode problem = assertProblem(response, 422, "invalid-request");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("max_pages");
		assertThat(problem.path("errors").get(0).path("message").asString())
			.isEqualTo("must be an integer within its range");
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsA422() throws Exception {
		assertProblem(get("/things?limit=abc"), 422, "invalid-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/things/%zz", "/things/..%5Csecret", "/things%00" })
	void aPathTomcatCannotReadIsA400ProblemNotAnHtmlPage(String path) throws Exception {
		JsonNode problem = badRequest(path);

		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asString()).isNotBlank();
		// named as sent, like every other problem's instance
		assertThat(problem.path("instance").asString()).isEqualTo(path);
	}

	@Test
	void theValveNamesAPathInValidJsonWhateverItHolds() {
		String path = "/things/\"quoted\"\\\u0001";

		JsonNode problem = this.json.readTree(ProblemErrorReportValve.problem(400, path));

		assertThat(problem.path("instance").asString()).isEqualTo(path);
		assertThat(this.json.readTree(ProblemErrorReportValve.problem(400, null)).has("instance")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/things?limit=%zz", "/things?limit=1&x=%", "/things?limit=1&x=%e9" })
	void aQueryStringTomcatCannotReadIsA400ProblemNotA500(String pathAndQuery) throws Exception {
		JsonNode problem = badRequest(pathAndQuery);

		assertThat(problem.path("detail").asString()).contains("chaîne de requête");
	}

	/**
	 * The bad-request problem answering a GET of a raw path (sent as HTTP/1.0: no
	 * chunks).
	 */
	private JsonNode badRequest(String pathAndQuery) throws Exception {
		String answer = rawRequest("GET " + pathAndQuery + " HTTP/1.0\r\nHost: localhost\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("Content-Type: application/problem+json\r\n");
		JsonNode problem = this.json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:bad-request");
		return problem;
	}

	@Test
	void anUnknownPathIsA404WithAType() throws Exception {
		JsonNode problem = assertProblem(get("/nowhere"), 404, "not-found");
		assertThat(problem.path("detail").asString()).isEqualTo("Aucune ressource à l'adresse GET /nowhere");
	}

	@Test
	void filesOnTheClasspathAreNotServed() throws Exception {
		// static/probe.txt is on the test classpath: Boot's resource mapping would serve
		// it
		assertProblem(get("/probe.txt"), 404, "not-found");
	}

	@Test
	void aWrongMethodIsA405WithAType() throws Exception {
		assertProblem(send(HttpRequest.newBuilder(uri("/things")).DELETE()), 405, "method-not-allowed");
	}

	@Test
	void aDomainExceptionKeepsItsOwnProblem() throws Exception {
		assertProblem(get("/things/missing"), 404, "thing-not-found");
	}

	@Test
	void anUnexpectedExceptionIsA500WithoutInternals() throws Exception {
		HttpResponse<String> response = get("/things/broken");
		assertProblem(response, 500, "internal-error");
		assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("secret detail");
	}

	@Test
	void aTextTheDatabaseRefusesIsA400NotA500() throws Exception {
		HttpResponse<String> response = get("/things/nul");
		JsonNode problem = assertProblem(response, 400, "bad-request");
		assertThat(problem.path("detail").asString()).contains("NUL");
		assertThat(response.body()).doesNotContain("0x00").doesNotContain("SQLException");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/things/pool-exhausted", "/things/server-down" })
	void aDatabaseThatCannotBeReachedIsA503ToRetryNotA500(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertProblem(response, 503, "storage-unavailable");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).doesNotContain("HikariPool").doesNotContain("Connection refused");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/things/h2-lock-timeout", "/things/postgres-deadlock", "/things/postgres-lock-wait",
			"/things/postgres-serialization" })
	void aDatabaseThatGaveUpOnTheRequestToLetOthersThroughIsA503ToRetryNotA500(String path) throws Exception {
		HttpResponse<String> response = get(path);
		JsonNode problem = assertProblem(response, 503, "storage-unavailable");
		assertThat(problem.path("detail").asString()).contains("occupée");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).doesNotContain("Timeout")
			.doesNotContain("deadlock detected")
			.doesNotContain("QRTZ");
	}

	@Test
	void anErrorOutsideTheHandlersIsAProblemToo() throws Exception {
		HttpResponse<String> response = get("/filtered");
		assertProblem(response, 500, "internal-server-error");
		assertThat(response.body()).doesNotContain("filter exploded");
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.has("trace")).isFalse();
		return problem;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	record Thing(@Min(1) @Max(1000) Integer maxPages) {
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		OncePerRequestFilter explodingFilter() {
			return new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getRequestURI().equals("/filtered")) {
						throw new IllegalStateException("filter exploded");
					}
					chain.doFilter(request, response);
				}
			};
		}

		@RestController
		static class Things {

			@PostMapping("/things")
			Thing create(@Valid @RequestBody Thing thing) {
				return thing;
			}

			@GetMapping("/things")
			String list(@RequestParam int limit) {
				return "[]";
			}

			@GetMapping("/things/missing")
			String missing() {
				throw new ErrorResponseException(HttpStatus.NOT_FOUND,
						Problems.of(HttpStatus.NOT_FOUND, "thing-not-found", "Not found", "Chose non trouvée"), null);
			}

			// what PostgreSQL answers to a text with a NUL character, wrapped as Spring's
			// JDBC support wraps it
			@GetMapping("/things/nul")
			String nul() {
				throw new IllegalStateException("PreparedStatementCallback; bad SQL grammar",
						new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
			}

			// what a request gets while the database is down: no connection from the
			// pool in time, or the driver's refusal to connect
			@GetMapping("/things/pool-exhausted")
			String poolExhausted() {
				throw new IllegalStateException("Failed to obtain JDBC Connection", new SQLTransientConnectionException(
						"HikariPool-1 - Connection is not available, request timed out after 30000ms."));
			}

			@GetMapping("/things/server-down")
			String serverDown() {
				throw new IllegalStateException("Failed to obtain JDBC Connection",
						new SQLException("Connection to 127.0.0.1:5432 refused: Connection refused", "08001"));
			}

			// what a request gets when the database gave up on it while others held what
			// it needed, wrapped as Spring's JDBC support wraps it
			@GetMapping("/things/h2-lock-timeout")
			String h2LockTimeout() {
				throw new IllegalStateException("PreparedStatementCallback; SQL [UPDATE QRTZ_TRIGGERS]",
						new SQLTimeoutException("Timeout trying to lock table \"QRTZ_TRIGGERS\"", "HYT00", 50200));
			}

			@GetMapping("/things/postgres-deadlock")
			String postgresDeadlock() {
				throw new IllegalStateException("PreparedStatementCallback",
						new SQLException("ERROR: deadlock detected", "40P01"));
			}

			@GetMapping("/things/postgres-lock-wait")
			String postgresLockWait() {
				throw new IllegalStateException("PreparedStatementCallback",
						new SQLException("ERROR: canceling statement due to lock timeout", "55P03"));
			}

			@GetMapping("/things/postgres-serialization")
			String postgresSerialization() {
				throw new IllegalStateException("PreparedStatementCallback",
						new SQLException("ERROR: could not serialize access due to concurrent update", "40001"));
			}

			@GetMapping("/things/broken")
			String broken() {
				throw new IllegalStateException("secret detail");
			}

		}

	}

	/**
	 * Sends bytes no HTTP client would send (an invalid path) and reads the whole answer.
	 */
	private String rawRequest(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
