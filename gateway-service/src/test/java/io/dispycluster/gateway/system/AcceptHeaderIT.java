package io.dispycluster.gateway.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Accept} header that cannot be read is disregarded, as if absent: the answer
 * is the usual JSON or problem, never an empty 406.
 */
class AcceptHeaderIT extends GatewayTestSupport {

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "garbage", "application/json;q=abc", "text/" })
	void answersTheGatewaysOwnEndpointsAsWithoutIt(String accept) {
		HttpResponse<String> response = get("/health", "Accept", accept);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(body(response).path("overall_status").asString()).isEqualTo("healthy");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "garbage", "application/json;q=abc" })
	void answersAnUnknownPathWithTheUsualProblem(String accept) {
		HttpResponse<String> response = get("/nowhere", "Accept", accept);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:not-found");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "garbage", "application/json;q=abc" })
	void forwardsARoutedRequestWithoutIt(String accept) {
		HttpResponse<String> response = get("/jobs", "Accept", accept);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(CONTROLLER.last("/jobs").header("Accept")).isNull();
	}

}
