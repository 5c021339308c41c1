package io.dispycluster.gateway.routing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No route reaches a service's internal endpoints or its actuator (but its health),
 * however the path is spelt: the gateway would call them with its internal token. The
 * client gets the gateway's 404 and no service sees the request.
 */
class PrivatePathIT extends GatewayTestSupport {

	private static final List<String> PREFIXES = List.of("/cluster", "/monitoring", "/scheduler");

	/** Ways of spelling a service path under a prefix so that it ends up private. */
	private static final List<String> TRICKS = List.of("/internal/workers/register", "/internal",
			"/internal/jobs/job_1/report", "/INTERNAL/workers/register", "/Internal/workers/register",
			"//internal/workers/register", "/internal;v=1/workers/register", ";v=1/internal/workers/register",
			"/x/../internal/workers/register", "/x/%2e%2e/internal/workers/register",
			"/x/%2E%2E%2Finternal/workers/register", "/x%2F..%2Finternal/workers/register",
			"/%69nternal/workers/register", "/%2569nternal/workers/register", "/..;/internal/workers/register",
			"/x/..;/internal/workers/register", "/actuator", "/actuator/env", "/actuator/prometheus", "/ACTUATOR/env",
			"/actuator/health/../env", "/x/../actuator/heapdump");

	static Stream<Arguments> prefixedPaths() {
		return PREFIXES.stream()
			.flatMap((prefix) -> TRICKS.stream()
				.flatMap((trick) -> Stream.of(Arguments.of("GET", prefix + trick),
						Arguments.of("POST", prefix + trick))));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("prefixedPaths")
	void refusesPrivatePathsBehindEachPrefix(String method, String path) {
		assertRefused(method, path);
	}

	@ParameterizedTest(name = "POST {0}")
	@ValueSource(strings = { "/jobs/../internal/workers/register", "/jobs/%2e%2e/internal/jobs/job_1/report",
			"/jobs/job_1/../../internal/jobs/job_1/report", "/workers/..;/internal/workers/register",
			"/workers/%2e%2e%2finternal/workers/register", "/nodes/..%2Finternal/nodes", "/alerts/../INTERNAL",
			"/tasks/x/../../internal/tasks", "/workflows/%2e%2e/actuator/env", "/jobs/..//cluster/actuator/prometheus",
			"/jobs/./../monitoring/./internal/nodes", "/cluster/cluster/../internal/workers/register" })
	void refusesPrivatePathsBehindTheDirectRoutes(String path) {
		assertRefused("POST", path);
	}

	@Test
	void leavesEncodedBackslashesToTomcatWhichRefusesThemWithAProblem() {
		HttpResponse<String> response = get("/nodes/..%5Cinternal/nodes");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"type\":\"urn:dispycluster:problem:bad-request\"");
		assertThat(MONITORING.requests()).isEmpty();
	}

	@Test
	void stillRoutesPathsThatOnlyLookPrivate() {
		assertThat(get("/cluster/actuator/health").statusCode()).isEqualTo(200);
		assertThat(CONTROLLER.last("/actuator/health").method()).isEqualTo("GET");
		assertThat(get("/cluster/jobs/internal").statusCode()).isEqualTo(200);
		assertThat(CONTROLLER.last("/jobs/internal").method()).isEqualTo("GET");
		assertThat(get("/monitoring/internals").statusCode()).isEqualTo(200);
		assertThat(MONITORING.last("/internals").method()).isEqualTo("GET");
	}

	private void assertRefused(String method, String path) {
		HttpResponse<String> response = send(method, path, "{\"node_id\":\"evil\"}", "Content-Type",
				"application/json");

		assertThat(response.statusCode()).as(path).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:not-found");
		assertThat(CONTROLLER.requests()).isEmpty();
		assertThat(MONITORING.requests()).isEmpty();
		assertThat(SCHEDULER.requests()).isEmpty();
	}

}
