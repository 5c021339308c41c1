package io.dispycluster.gateway.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own figures are in {@code /actuator/prometheus} under
 * {@code dispycluster_*}.
 */
class MetricsIT extends GatewayTestSupport {

	@Test
	void countsFailedCallsAndRefusedRequests() {
		MONITORING.stop();
		get("/nodes");
		post("/tasks", "x".repeat(1024 * 1024 + 1), "Content-Type", "application/json");

		HttpResponse<String> metrics = get("/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).containsPattern(
				"dispycluster_gateway_upstream_failures_total\\{kind=\"unavailable\",service=\"monitoring\"\\} [1-9]")
			.containsPattern("dispycluster_gateway_requests_refused_total\\{status=\"413\"\\} [1-9]")
			.contains("resilience4j_circuitbreaker_state");
	}

	@Test
	void timesRoutedRequestsWithoutTheLongTaskTimers() {
		get("/jobs");

		String metrics = get("/actuator/prometheus").body();

		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*\\} [1-9]")
			.doesNotContain("http_server_requests_active_seconds");
	}

}
