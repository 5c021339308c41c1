package io.dispycluster.gateway.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's actuator answers its errors with problems too.
 */
class ActuatorErrorIT extends GatewayTestSupport {

	@Test
	void answersAnUnknownHealthComponentWithAProblem() {
		HttpResponse<String> response = get("/actuator/health/nothing");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:not-found");
		assertThat(body(response).path("instance").asString()).isEqualTo("/actuator/health/nothing");
	}

	@Test
	void leavesItsAnswersAlone() {
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> metrics = get("/actuator/prometheus");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(body(health).path("status").asString()).isEqualTo("UP");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds");
	}

}
