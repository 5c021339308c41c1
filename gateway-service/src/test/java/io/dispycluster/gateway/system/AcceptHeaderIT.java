package io.dispycluster.gateway.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Accept} header that cannot be read is disregarded, as if absent: the answer
 * is the usual JSON or problem, never an empty 406. One that asks only for types the
 * gateway's own endpoints cannot produce gets their JSON all the same.
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

	@ParameterizedTest(name = "GET {0}, Accept: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/health    | text/html
			/health    | text/plain
			/health    | application/xml
			/health    | text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8
			/overview  | text/html
			/dashboard | text/plain
			/services  | application/xml
			/metrics   | text/html
			/          | text/html
			""")
	void answersTheGatewaysOwnEndpointsInJsonWhateverTypeIsAsked(String path, String accept) {
		HttpResponse<String> response = get(path, "Accept", accept);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "text/html", "text/plain", "application/xml" })
	void answersTheActuatorsHealthWhateverTypeIsAsked(String accept) {
		HttpResponse<String> response = get("/actuator/health", "Accept", accept);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void answersTheActuatorInATypeItWasAskedForWhenItCan() {
		HttpResponse<String> response = get("/actuator/health", "Accept", "text/html, application/json");

		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void answersAScrapeInJsonWhateverTypeIsAsked() {
		HttpResponse<String> accepted = post("/scrape", "{\"start_url\":\"https://example.org/\"}", "Content-Type",
				"application/json", "Accept", "text/html");
		HttpResponse<String> refused = post("/scrape", "{", "Content-Type", "application/json", "Accept", "text/html");

		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void forwardsAnAcceptTheGatewayCannotProduceAsSent() {
		get("/jobs", "Accept", "text/html");

		assertThat(CONTROLLER.last("/jobs").header("Accept")).isEqualTo("text/html");
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
