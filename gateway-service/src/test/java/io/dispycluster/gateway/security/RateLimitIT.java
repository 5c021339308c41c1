package io.dispycluster.gateway.security;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.support.ProductionTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each key gets 60 requests per minute in these tests; beyond that a 429 with
 * {@code Retry-After}, until the bucket refills (one request per second).
 */
class RateLimitIT extends ProductionTestSupport {

	@Test
	void limitsAKeyThenLetsItThroughAgain() {
		HttpResponse<String> first = get("/jobs", "X-API-Key", BURST_KEY);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("60");
		assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("59");
		int accepted = 1;
		HttpResponse<String> limited = get("/jobs", "X-API-Key", BURST_KEY);
		// the bucket refills one request per second while the loop runs
		while (limited.statusCode() == 200 && accepted < 120) {
			accepted++;
			limited = get("/jobs", "X-API-Key", BURST_KEY);
		}

		assertThat(accepted).isBetween(60, 119);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(limited).path("type").asString()).isEqualTo("urn:dispycluster:problem:rate-limited");
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
		assertThat(Long.parseLong(limited.headers().firstValue("RateLimit-Reset").orElseThrow())).isBetween(1L, 60L);
		assertThat(get("/jobs", "X-API-Key", OPS_KEY).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/jobs", "X-API-Key", BURST_KEY).statusCode() == 200);
	}

}
