package io.dispycluster.gateway.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In development everything is open, and still no client credential or token reaches a
 * service.
 */
class DevelopmentAccessIT extends GatewayTestSupport {

	@Test
	void answersWithoutAKey() {
		assertThat(get("/jobs").statusCode()).isEqualTo(200);
		assertThat(get("/health").statusCode()).isEqualTo(200);
		assertThat(body(get("/health")).has("services")).isTrue();
	}

	@Test
	void allowsNoOtherOriginByDefault() {
		HttpResponse<String> preflight = send("OPTIONS", "/jobs", "", "Origin", "https://grafana.example.lan",
				"Access-Control-Request-Method", "GET");

		assertThat(preflight.statusCode()).isEqualTo(403);
	}

	@Test
	void capsBodiesAtOneMegabyteByDefault() {
		HttpResponse<String> response = post("/tasks", "x".repeat(1024 * 1024 + 1), "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void forwardsNoCredentialOrTokenToTheServices() {
		get("/jobs", "X-API-Key", "some-key", "Authorization", "Bearer x", "X-Internal-Token", "forged-token-xyz");

		Recorded received = CONTROLLER.last("/jobs");
		assertThat(received.header("X-API-Key")).isNull();
		assertThat(received.header("Authorization")).isNull();
		assertThat(received.header("X-Internal-Token")).isNull();
	}

}
